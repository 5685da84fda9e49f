import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Build step (run by Maven in generate-sources as a single-file program): reads the {@code @Wire}
 * annotations on the record components of {@code dev.vpcscaudit.model} with javac's own parser
 * and writes them as a table, {@code dev/vpcscaudit/model/WireTable.java}, which {@code
 * WireSchema} reads at run time.
 *
 * <p>Why not read the annotations at run time: the first {@code getAnnotation} generates proxy
 * classes for the annotation and its meta-annotations, about 8 ms of a 90 ms run that the
 * class-data-sharing archive cannot hold. The annotations stay the one definition; {@code
 * WireSchemaTest} checks the table against them.
 *
 * <p>Usage: {@code java src/build/GenerateWireTable.java MODEL_SOURCE_DIR OUT_DIR}
 */
public final class GenerateWireTable {

  private static final String PACKAGE = "dev.vpcscaudit.model";

  /** The members of {@code @Wire}, in the order the table holds them, with their defaults. */
  private static final List<String> MEMBERS =
      List.of("json", "hcl", "outputOnly", "hclAlways", "required");

  private static final Map<String, String> DEFAULTS =
      Map.of("hcl", "", "outputOnly", "false", "hclAlways", "false", "required", "false");

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: GenerateWireTable MODEL_SOURCE_DIR OUT_DIR");
    }
    List<Path> sources;
    try (Stream<Path> s = Files.list(Path.of(args[0]))) {
      sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    // Binary class name -> component -> member values.
    Map<String, Map<String, List<String>>> table = new TreeMap<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
      JavacTask task =
          (JavacTask) javac.getTask(null, files, null, List.of("-proc:none"), null, units);
      for (CompilationUnitTree unit : task.parse()) {
        for (Tree t : unit.getTypeDecls()) {
          if (t instanceof ClassTree c) {
            collect(c, PACKAGE + "." + c.getSimpleName(), table);
          }
        }
      }
    }
    if (table.isEmpty()) {
      throw new IllegalStateException(args[0] + ": no record component carries @Wire");
    }
    Path out = Path.of(args[1], "dev", "vpcscaudit", "model", "WireTable.java");
    Files.createDirectories(out.getParent());
    Files.writeString(out, render(table), StandardCharsets.UTF_8);
  }

  private static void collect(
      ClassTree c, String binaryName, Map<String, Map<String, List<String>>> table) {
    Map<String, List<String>> components = new java.util.LinkedHashMap<>();
    for (Tree member : c.getMembers()) {
      if (member instanceof ClassTree nested) {
        collect(nested, binaryName + "$" + nested.getSimpleName(), table);
      } else if (c.getKind() == Tree.Kind.RECORD && member instanceof VariableTree v) {
        for (AnnotationTree a : v.getModifiers().getAnnotations()) {
          if (a.getAnnotationType().toString().equals("Wire")) {
            components.put(v.getName().toString(), values(a, binaryName, v));
          }
        }
      }
    }
    if (!components.isEmpty()) {
      table.put(binaryName, components);
    }
  }

  /** The annotation's member values in {@link #MEMBERS} order; literals only. */
  private static List<String> values(AnnotationTree a, String type, VariableTree v) {
    Map<String, String> given = new TreeMap<>();
    for (ExpressionTree arg : a.getArguments()) {
      if (!(arg instanceof AssignmentTree as)
          || !(as.getVariable() instanceof IdentifierTree name)
          || !(as.getExpression() instanceof LiteralTree literal)) {
        throw new IllegalStateException(
            type + "." + v.getName() + ": @Wire takes literal values only (name = \"...\"): " + arg);
      }
      given.put(name.getName().toString(), String.valueOf(literal.getValue()));
    }
    List<String> out = new ArrayList<>();
    for (String m : MEMBERS) {
      String value = given.containsKey(m) ? given.get(m) : DEFAULTS.get(m);
      if (value == null) {
        throw new IllegalStateException(type + "." + v.getName() + ": @Wire needs " + m);
      }
      out.add(value);
    }
    given.keySet().removeAll(MEMBERS);
    if (!given.isEmpty()) {
      throw new IllegalStateException(type + "." + v.getName() + ": unknown @Wire member " + given);
    }
    return out;
  }

  private static String render(Map<String, Map<String, List<String>>> table) {
    StringBuilder java = new StringBuilder();
    java.append("package ").append(PACKAGE).append(";\n\n")
        .append("/** Generated by src/build/GenerateWireTable.java from the @Wire annotations; do not")
        .append(" edit. */\n")
        .append("final class WireTable {\n\n")
        .append("  private WireTable() {}\n\n")
        .append("  /**\n")
        .append("   * The @Wire values of {@code type}'s components: component name, then\n")
        .append("   * ")
        .append(String.join(", ", MEMBERS))
        .append("; null for a type without them.\n")
        .append("   */\n")
        .append("  static String[][] of(Class<?> type) {\n")
        .append("    switch (type.getName()) {\n");
    for (Map.Entry<String, Map<String, List<String>>> t : table.entrySet()) {
      java.append("      case ").append(literal(t.getKey())).append(":\n")
          .append("        return new String[][] {\n");
      for (Map.Entry<String, List<String>> c : t.getValue().entrySet()) {
        java.append("          {").append(literal(c.getKey()));
        for (String v : c.getValue()) {
          java.append(", ").append(literal(v));
        }
        java.append("},\n");
      }
      java.append("        };\n");
    }
    java.append("      default:\n")
        .append("        return null;\n")
        .append("    }\n")
        .append("  }\n")
        .append("}\n");
    return java.toString();
  }

  private static String literal(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        b.append('\\');
      }
      if (ch < 0x20 || ch > 0x7e) {
        throw new IllegalStateException("not a plain ASCII name: " + s);
      }
      b.append(ch);
    }
    return b.append('"').toString();
  }
}
