package dev.vpcscaudit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * One command of the command line: its options, positional parameters, subcommands and action,
 * declared in code, and the parser of its arguments.
 *
 * <p>The tool had used picocli, which builds this model by reflection over annotations at every
 * start: about 50 ms of a 190 ms run (annotation proxies, reflective converters; its Java 5
 * bytecode cannot be put in the class-data-sharing archive either). Declared in code, the model
 * costs a few milliseconds and every class of it is archived.
 *
 * <p>Options are declared, then read once the line is parsed ({@link #onParsed}: {@code
 * text("--project")}, {@code integer("--timeout", 120)}, ...), rather than set through a lambda
 * each: linking a lambda's call site costs ~0.2 ms at start-up, and a command has dozens.
 *
 * <p>Syntax (GNU style, as before): {@code --name VALUE}, {@code --name=VALUE}, {@code -o VALUE},
 * {@code -oVALUE}; flags take no value; {@code --} ends the options; an unknown option close to a
 * known one is named with it ("did you mean"). A value is the next argument unless that is one of
 * the command's option names. An option is given at most once, unless it takes a list.
 */
final class Cmd {

  /** How the shell completes an option's value. */
  enum Complete {
    NONE,
    FILE,
    DIR
  }

  /** One option: its names, value label (null for a flag), help, and the values it takes. */
  static final class Opt {
    final List<String> names;
    final String label;
    final String description;
    final List<String> candidates;
    final boolean list;
    Complete complete = Complete.NONE;
    boolean required;

    private Opt(
        List<String> names,
        String label,
        String description,
        List<String> candidates,
        boolean list) {
      this.names = names;
      this.label = label;
      this.description = description;
      this.candidates = candidates;
      this.list = list;
    }

    /** The option must be given. */
    Opt required() {
      this.required = true;
      return this;
    }

    /** The shell completes its value as a file (or a folder). */
    Opt completes(Complete kind) {
      this.complete = kind;
      return this;
    }

    boolean flag() {
      return label == null;
    }

    /** The longest name, the one messages use: {@code --output} for {@code -o, --output}. */
    String longName() {
      return names.get(names.size() - 1);
    }

    /** {@code --output=FILE}, or the flag's name. */
    String synopsis() {
      return flag() ? longName() : longName() + "=" + label;
    }
  }

  /** A positional parameter. */
  record Param(String label, String description) {}

  /**
   * A subcommand: its name, how to declare it on a fresh {@link Cmd}, and whether a missing command
   * suggests it (a utility such as {@code generate-completion} is only listed in the help).
   */
  record Sub(String name, Consumer<Cmd> declare, boolean suggested) {}

  private final String name;
  private final Cmd parent;
  private final RunContext context;
  private final PrintWriter out;
  private final PrintWriter err;
  private final List<String> description = new ArrayList<>();
  private final List<String> footer = new ArrayList<>();
  private final List<Opt> options = new ArrayList<>();
  private final Map<String, Opt> byName = new LinkedHashMap<>();
  private final List<Param> params = new ArrayList<>();
  private final Map<String, Sub> subcommands = new LinkedHashMap<>();
  private final Set<String> matched = new HashSet<>();

  /** The values given, by the option's long name (flags: none), in the order given. */
  private final Map<String, List<String>> values = new HashMap<>();

  private final List<String> paramValues = new ArrayList<>();
  private final List<Runnable> readers = new ArrayList<>();
  private Callable<Integer> action;
  private Cmd ran;

  /** The root command, {@code name}. */
  Cmd(String name, RunContext context, PrintWriter out, PrintWriter err) {
    this(name, null, context, out, err);
  }

  private Cmd(String name, Cmd parent, RunContext context, PrintWriter out, PrintWriter err) {
    this.name = name;
    this.parent = parent;
    this.context = context;
    this.out = out;
    this.err = err;
    flag("-h, --help", "Show this help message and exit.");
    flag("-V, --version", "Print version information and exit.");
  }

  // ---- declaration ----

  /** The help text: a paragraph per argument. */
  Cmd describe(String... paragraphs) {
    description.addAll(List.of(paragraphs));
    return this;
  }

  /** Lines printed after the options in the help (exit codes, examples). */
  Cmd footer(String... lines) {
    footer.addAll(List.of(lines));
    return this;
  }

  /** What the command does once its arguments are parsed; it returns the exit code. */
  Cmd action(Callable<Integer> action) {
    this.action = action;
    return this;
  }

  /** Runs once the line is parsed and checked, before the action: where options are read. */
  Cmd onParsed(Runnable reader) {
    readers.add(reader);
    return this;
  }

  /** An option taking a value; {@code names} is e.g. {@code "-o, --output"}. */
  Opt option(String names, String label, String description) {
    return add(new Opt(split(names), label, description, List.of(), false));
  }

  /** An option naming a file (or with {@code kind} DIR, a folder), for shell completion. */
  Opt pathOption(String names, String label, String description, Complete kind) {
    return option(names, label, description).completes(kind);
  }

  /**
   * An option whose value is one of {@code candidates} (any case); with {@code list}, a
   * comma-separated list that may also be repeated.
   */
  Opt choice(String names, String label, String description, Set<String> candidates, boolean list) {
    return add(new Opt(split(names), label, description, List.copyOf(candidates), list));
  }

  /** The constants of {@code type} by name, in declaration order, for {@link #choice}. */
  static <E extends Enum<E>> Map<String, E> names(Class<E> type) {
    Map<String, E> m = new LinkedHashMap<>();
    for (E e : type.getEnumConstants()) {
      m.put(e.toString(), e);
    }
    return m;
  }

  /** A flag (no value). */
  Opt flag(String names, String description) {
    return add(new Opt(split(names), null, description, List.of(), false));
  }

  /** A required positional parameter. */
  Cmd param(String label, String description) {
    params.add(new Param(label, description));
    return this;
  }

  /** A subcommand, declared only when it runs or the help lists it. */
  Cmd subcommand(String name, Consumer<Cmd> declare) {
    subcommands.put(name, new Sub(name, declare, true));
    return this;
  }

  /** A subcommand that the help lists but a missing-command error does not suggest. */
  Cmd utility(String name, Consumer<Cmd> declare) {
    subcommands.put(name, new Sub(name, declare, false));
    return this;
  }

  private Opt add(Opt o) {
    for (String n : o.names) {
      if (byName.put(n, o) != null) {
        throw new IllegalStateException(qualifiedName() + ": option " + n + " declared twice");
      }
    }
    options.add(o);
    return o;
  }

  private static List<String> split(String names) {
    return List.of(names.split(",\\s*"));
  }

  // ---- what the running command reads ----

  String name() {
    return name;
  }

  /** {@code vpcsc-audit profiles show}. */
  String qualifiedName() {
    return parent == null ? name : parent.qualifiedName() + " " + name;
  }

  Cmd parent() {
    return parent;
  }

  RunContext context() {
    return context;
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  /** True when the command line gave the option {@code name} (any of its names). */
  boolean matched(String name) {
    Opt o = byName.get(name);
    return o != null && matched.contains(o.longName());
  }

  // ---- reading the parsed line (from onParsed and the action) ----

  /** The value of option {@code name}, or null when it was not given. */
  String text(String name) {
    List<String> v = values.get(declared(name).longName());
    return v == null ? null : v.get(v.size() - 1);
  }

  /** The value of option {@code name}, or {@code absent} when it was not given. */
  String text(String name, String absent) {
    String v = text(name);
    return v == null ? absent : v;
  }

  /** True when flag {@code name} was given. */
  boolean flag(String name) {
    return matched.contains(declared(name).longName());
  }

  /** The whole number option {@code name}, or {@code absent} when it was not given. */
  int integer(String name, int absent) {
    String v = text(name);
    if (v == null) {
      return absent;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw invalid(name, "'" + v + "' is not a whole number");
    }
  }

  /** The path option {@code name}, or null when it was not given. */
  java.nio.file.Path path(String name) {
    String v = text(name);
    try {
      return v == null ? null : java.nio.file.Path.of(v);
    } catch (java.nio.file.InvalidPathException e) {
      throw invalid(name, "'" + v + "' is not a valid path: " + e.getReason());
    }
  }

  /** The choice option {@code name} as one of {@code values}, or {@code absent}. */
  <T> T choice(String name, Map<String, T> values, T absent) {
    List<T> all = choices(name, values);
    return all.isEmpty() ? absent : all.get(all.size() - 1);
  }

  /** Every value given to the list option {@code name}, in order, as {@code values}' values. */
  <T> List<T> choices(String name, Map<String, T> values) {
    List<T> out = new ArrayList<>();
    for (String v : this.values.getOrDefault(declared(name).longName(), List.of())) {
      for (Map.Entry<String, T> e : values.entrySet()) {
        if (e.getKey().equalsIgnoreCase(v)) {
          out.add(e.getValue());
        }
      }
    }
    return out;
  }

  /** The positional parameter {@code index}. */
  String param(int index) {
    return paramValues.get(index);
  }

  private Opt declared(String name) {
    Opt o = byName.get(name);
    if (o == null) {
      throw new IllegalStateException(qualifiedName() + " declares no option " + name);
    }
    return o;
  }

  private UsageException invalid(String name, String why) {
    return usage("Invalid value for option '" + declared(name).longName() + "': " + why);
  }

  /** A usage error of this command, to throw. */
  UsageException usage(String message) {
    return new UsageException(this, message);
  }

  List<String> description() {
    return description;
  }

  List<String> footer() {
    return footer;
  }

  List<Opt> options() {
    return options;
  }

  List<Param> params() {
    return params;
  }

  Map<String, Sub> subcommands() {
    return subcommands;
  }

  /** The subcommand {@code name}, declared. */
  Cmd child(String name) {
    Sub s = subcommands.get(name);
    Cmd c = new Cmd(name, this, context, out, err);
    s.declare().accept(c);
    return c;
  }

  // ---- parsing and running ----

  /**
   * Parses {@code args} from {@code from} on and runs the command they name: help, the version, a
   * subcommand or this command's action. Returns the exit code; usage errors are thrown.
   */
  int run(List<String> args, int from, String version) throws Exception {
    Cmd command = parse(args, from);
    if (command.matched.contains("--help")) {
      out.print(Help.render(command, Help.width(context)));
      out.flush();
      return ExitCode.OK.code();
    }
    if (command.matched.contains("--version")) {
      out.println(version);
      out.flush();
      return ExitCode.OK.code();
    }
    root().ran = command;
    return command.action.call();
  }

  /**
   * Parses {@code args} from {@code from} on and returns the command they name, its options read
   * ({@link #onParsed}); nothing runs. With --help or --version, the command is returned unchecked.
   */
  Cmd parse(List<String> args, int from) {
    List<String> unmatched = new ArrayList<>();
    int param = 0;
    boolean optionsEnded = false;
    for (int i = from; i < args.size(); i++) {
      String a = args.get(i);
      if (!optionsEnded && a.equals("--")) {
        optionsEnded = true;
        continue;
      }
      if (!optionsEnded && a.startsWith("-") && a.length() > 1) {
        int eq = a.indexOf('=');
        String optName = eq > 0 ? a.substring(0, eq) : a;
        Opt o = byName.get(optName);
        String value = eq > 0 ? a.substring(eq + 1) : null;
        Opt attached = a.startsWith("--") || a.length() < 3 ? null : byName.get(a.substring(0, 2));
        if (o == null && attached != null && !attached.flag()) {
          // A short option with its value attached: -oreport.txt
          o = attached;
          value = a.substring(2);
        }
        if (o == null) {
          unmatched.add(a);
          continue;
        }
        if (o.flag()) {
          if (value != null) {
            throw usage("option '" + o.longName() + "' is a flag and takes no value");
          }
        } else if (value == null) {
          if (i + 1 >= args.size() || byName.containsKey(optionName(args.get(i + 1)))) {
            throw usage(
                "Missing required parameter for option '" + o.longName() + "' (" + o.label + ")");
          }
          value = args.get(++i);
        }
        if (!matched.add(o.longName()) && !o.list) {
          throw usage(
              "option '"
                  + o.longName()
                  + "'"
                  + (o.flag() ? "" : " (" + o.label + ")")
                  + " should be specified only once");
        }
        if (!o.flag()) {
          for (String v : o.list ? value.split(",", -1) : new String[] {value}) {
            String given = o.candidates.isEmpty() ? v : v.strip();
            checkCandidate(o, given);
            values.computeIfAbsent(o.longName(), k -> new ArrayList<>()).add(given);
          }
        }
        continue;
      }
      if (param < params.size()) {
        paramValues.add(a);
        param++;
      } else if (!subcommands.isEmpty() && unmatched.isEmpty() && subcommands.containsKey(a)) {
        if (matched.contains("--help") || matched.contains("--version")) {
          break;
        }
        return child(a).parse(args, i + 1);
      } else {
        unmatched.add(a);
      }
    }
    if (matched.contains("--help") || matched.contains("--version")) {
      return this;
    }
    if (!unmatched.isEmpty()) {
      boolean option = unmatched.stream().anyMatch(u -> u.startsWith("-") && u.length() > 1);
      String list = "'" + String.join("', '", unmatched) + "'";
      if (!subcommands.isEmpty() && !option) {
        throw usage(
            "unknown command "
                + list
                + commandSuggestion(unmatched.get(0))
                + ": expected "
                + Help.orList(suggested()));
      }
      String command = commandAfter(unmatched);
      if (command != null) {
        throw usage(
            "'"
                + unmatched.get(0)
                + "' is an option of '"
                + command
                + "': give the command first ("
                + qualifiedName()
                + " "
                + command
                + " "
                + unmatched.get(0)
                + " ...)");
      }
      String hint = option ? suggestion(unmatched) : "";
      throw usage(
          (option ? "Unknown option" : "Unexpected argument")
              + (unmatched.size() == 1 ? ": " : "s: ")
              + list
              + hint);
    }
    for (Opt o : options) {
      if (o.required && !matched.contains(o.longName())) {
        throw usage("Missing required option: '" + o.synopsis() + "'");
      }
    }
    if (param < params.size()) {
      throw usage("Missing required parameter: '" + params.get(param).label() + "'");
    }
    if (action == null) {
      throw usage("missing command: " + Help.orList(suggested()));
    }
    for (Runnable r : readers) {
      r.run();
    }
    return this;
  }

  private Cmd root() {
    return parent == null ? this : parent.root();
  }

  /** The command whose action ran (or runs), below this root; null before. */
  Cmd ran() {
    return ran;
  }

  /**
   * For options given before the command ({@code vpcsc-audit --project x audit}): the command among
   * the arguments, when the first unknown option is one of its options; else null.
   */
  private String commandAfter(List<String> unmatched) {
    if (subcommands.isEmpty() || !unmatched.get(0).startsWith("-")) {
      return null;
    }
    for (String a : unmatched) {
      if (subcommands.containsKey(a) && child(a).byName.containsKey(optionName(unmatched.get(0)))) {
        return a;
      }
    }
    return null;
  }

  /** {@code (did you mean audit?)} for a command one or two slips from a known one. */
  private String commandSuggestion(String typed) {
    String best = null;
    int bestDistance = typed.length() > 5 ? 3 : 2;
    for (String known : suggested()) {
      int d = distance(typed, known);
      if (d < bestDistance) {
        best = known;
        bestDistance = d;
      }
    }
    return best == null ? "" : " (did you mean " + best + "?)";
  }

  /** {@code ; did you mean --project?} for the first unknown option close to a known one. */
  private String suggestion(List<String> unmatched) {
    for (String u : unmatched) {
      if (!u.startsWith("--")) {
        continue;
      }
      String typed = optionName(u);
      String best = null;
      // One slip in a short name, two in a long one: closer than that is a different word.
      int bestDistance = typed.length() > 10 ? 3 : 2;
      for (String known : byName.keySet()) {
        int d = distance(typed, known);
        if (known.startsWith("--") && d < bestDistance) {
          best = known;
          bestDistance = d;
        }
      }
      if (best != null) {
        return "; did you mean " + best + "?";
      }
    }
    return "";
  }

  /**
   * Edit distance between two short strings: insertions, deletions, substitutions and swaps of two
   * neighbours (optimal string alignment).
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private List<String> suggested() {
    return subcommands.values().stream().filter(Sub::suggested).map(Sub::name).toList();
  }

  /** A value outside a choice option's candidates is a usage error naming them. */
  private void checkCandidate(Opt o, String v) {
    if (o.candidates.isEmpty()) {
      return;
    }
    for (String c : o.candidates) {
      if (c.equalsIgnoreCase(v)) {
        return;
      }
    }
    throw usage(
        "Invalid value for option '"
            + o.longName()
            + "': expected "
            + Help.orList(o.candidates)
            + ", got '"
            + v
            + "'");
  }

  private static String optionName(String arg) {
    int eq = arg.indexOf('=');
    return eq > 0 ? arg.substring(0, eq) : arg;
  }
}
