package dev.vpcscaudit.cli;

import dev.vpcscaudit.i18n.Lang;
import dev.vpcscaudit.i18n.Messages;
import dev.vpcscaudit.i18n.Text;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * One command of the command line: its options, positional parameters, subcommands and action,
 * declared in code, and parsed by picocli (picocli.info), whose programmatic model ({@link
 * CommandSpec}) this builds: picocli parses, renders the help (with its standard help options),
 * checks required and mutually exclusive options ({@link ArgGroupSpec}) and writes the completion
 * script ({@code picocli.AutoComplete}).
 *
 * <p>Options are declared, then read once the line is parsed ({@link #onParsed}: {@code
 * text("--project")}, {@code integer("--timeout", 120)}, ...), rather than bound to fields by
 * reflection over annotations: the model is built without reflection, and the values keep their
 * exact text for the messages of the contract.
 *
 * <p>Syntax (GNU style, picocli's): {@code --name VALUE}, {@code --name=VALUE}, {@code -o VALUE},
 * {@code -oVALUE}; flags take no value; {@code --} ends the options; a value is the next argument
 * unless that is one of the command's option names. An option is given at most once, unless it
 * takes a list. picocli's parse errors are said in the contract's words: an unknown option close to
 * a known one is named with it ("did you mean"), a mistyped command likewise.
 *
 * <p>Running is ours, not {@code CommandLine.execute}: a failure must be one line and an exit code
 * of the contract (Main), where execute prints a stack trace when a handler itself fails.
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
    final Text description;
    final List<String> candidates;
    final boolean list;
    Complete complete = Complete.NONE;
    boolean required;
    boolean repeatable;

    private Opt(
        List<String> names, String label, Text description, List<String> candidates, boolean list) {
      this.names = names;
      this.label = label;
      this.description = description;
      this.candidates = candidates;
      this.list = list;
    }

    /** The option may be given several times, each value kept ({@link Cmd#paths}). */
    Opt repeatable() {
      this.repeatable = true;
      return this;
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

    /**
     * picocli's model of this option, its description in the language of {@code m}: a message
     * without arguments through picocli's resource-bundle support (its {@code descriptionKey}, the
     * bundle set on the command), one with arguments (a list of formats) rendered here.
     */
    OptionSpec spec(Messages m) {
      OptionSpec.Builder b =
          OptionSpec.builder(names.toArray(String[]::new))
              .description(Cmd.format((required ? m.get("help.required") : "") + description.in(m)))
              .required(required);
      if (!required && description.args().isEmpty() && m.has(description.key())) {
        b.descriptionKey(description.key());
      }
      if (flag()) {
        return b.arity("0").type(boolean.class).build();
      }
      b.arity("1").paramLabel(label);
      if (list || repeatable) {
        b.type(List.class)
            .auxiliaryTypes(
                repeatable && complete != Complete.NONE ? java.io.File.class : String.class);
      } else if (complete != Complete.NONE) {
        // A File for the completion script (file names); the value read is the text as given
        // (path()).
        b.type(java.io.File.class);
      } else {
        b.type(String.class);
      }
      if (!candidates.isEmpty()) {
        b.completionCandidates(candidates);
      }
      return b.build();
    }
  }

  /** A positional parameter, and the values the shell offers for it (none: any). */
  record Param(String label, Text description, List<String> candidates) {}

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
  private final List<Text> description = new ArrayList<>();
  private final List<Text> footer = new ArrayList<>();
  private final List<Opt> options = new ArrayList<>();
  private final Map<String, Opt> byName = new LinkedHashMap<>();
  private final List<Param> params = new ArrayList<>();
  private final Map<String, Sub> subcommands = new LinkedHashMap<>();
  private final Map<String, Cmd> children = new HashMap<>();
  private final List<List<Opt>> exclusive = new ArrayList<>();
  private final Set<String> matched = new HashSet<>();

  /** The values given, by the option's long name (flags: none), in the order given. */
  private final Map<String, List<String>> values = new HashMap<>();

  private final List<String> paramValues = new ArrayList<>();
  private final List<Runnable> readers = new ArrayList<>();
  private Callable<Integer> action;
  private Cmd ran;
  private CommandLine commandLine;
  private boolean commandLineComplete;
  private boolean helpRequested;
  private boolean versionRequested;

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
    this.messages =
        parent != null ? parent.messages : Messages.of(Lang.fromEnvironment(context.env()));
  }

  /** The language of the messages (help, reports): {@code --lang} or the locale ({@link Main}). */
  private Messages messages;

  /** Sets the language of this command and of the subcommands it declares after this. */
  Cmd language(Messages m) {
    this.messages = m;
    return this;
  }

  // ---- declaration ----

  /** The help text: a paragraph per argument. */
  Cmd describe(Text... paragraphs) {
    description.addAll(List.of(paragraphs));
    return this;
  }

  /** Lines printed after the options in the help (exit codes, examples). */
  Cmd footer(Text... lines) {
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
  Opt option(String names, String label, Text description) {
    return add(new Opt(split(names), label, description, List.of(), false));
  }

  /** An option naming a file (or with {@code kind} DIR, a folder), for shell completion. */
  Opt pathOption(String names, String label, Text description, Complete kind) {
    return option(names, label, description).completes(kind);
  }

  /**
   * An option whose value is one of {@code candidates} (any case); with {@code list}, a
   * comma-separated list that may also be repeated.
   */
  Opt choice(String names, String label, Text description, Set<String> candidates, boolean list) {
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
  Opt flag(String names, Text description) {
    return add(new Opt(split(names), null, description, List.of(), false));
  }

  /** A required positional parameter. */
  Cmd param(String label, Text description) {
    return param(label, description, List.of());
  }

  /** A required positional parameter whose value the shell completes from {@code candidates}. */
  Cmd param(String label, Text description, List<String> candidates) {
    params.add(new Param(label, description, List.copyOf(candidates)));
    return this;
  }

  /**
   * Options of which at most one may be given (picocli's exclusive argument group); its error names
   * them: "--a, --b and --c exclude each other: give one".
   */
  Cmd exclusive(String... longNames) {
    List<Opt> group = new ArrayList<>();
    for (String n : longNames) {
      group.add(declared(n));
    }
    exclusive.add(group);
    return this;
  }

  /** A subcommand. */
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
      if (n.equals("-h") || n.equals("--help") || n.equals("-V") || n.equals("--version")) {
        throw new IllegalStateException(qualifiedName() + ": option " + n + " is picocli's own");
      }
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

  /**
   * The language of this run's messages: {@code --lang} when given, else the locale (set by {@link
   * Main} from the whole command line, before anything is declared).
   */
  Messages messages() {
    return messages;
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
      throw invalid(name, messages.get("usage.not-a-number", v));
    }
  }

  /** The path option {@code name}, or null when it was not given. */
  java.nio.file.Path path(String name) {
    String v = text(name);
    try {
      return v == null ? null : java.nio.file.Path.of(v);
    } catch (java.nio.file.InvalidPathException e) {
      throw invalid(name, messages.get("usage.not-a-path", v, e.getReason()));
    }
  }

  /** Every value of the repeatable path option {@code name}, in order. */
  List<java.nio.file.Path> paths(String name) {
    List<java.nio.file.Path> out = new ArrayList<>();
    for (String v : values.getOrDefault(declared(name).longName(), List.of())) {
      try {
        out.add(java.nio.file.Path.of(v));
      } catch (java.nio.file.InvalidPathException e) {
        throw invalid(name, messages.get("usage.not-a-path", v, e.getReason()));
      }
    }
    return out;
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
    return usage(messages.get("usage.invalid", declared(name).longName(), why));
  }

  /** A usage error of this command, to throw. */
  UsageException usage(String message) {
    return new UsageException(this, message);
  }

  /** A usage error of this command, the message {@code key} of the run's language. */
  UsageException usageOf(String key, Object... args) {
    return usage(messages.get(key, args));
  }

  /** The subcommand {@code name}, declared (once). */
  Cmd child(String name) {
    return children.computeIfAbsent(
        name,
        n -> {
          Cmd c = new Cmd(n, this, context, out, err);
          subcommands.get(n).declare().accept(c);
          return c;
        });
  }

  // ---- the picocli model ----

  /**
   * This command and its subcommands as picocli's model, its help set up as the tool shows it:
   * {@code Usage: NAME [OPTIONS]}, the description, options sorted, commands, the footer, at the
   * width of {@link Help#width}.
   */
  CommandLine commandLine() {
    return commandLine(null);
  }

  /**
   * As {@link #commandLine()}, with only the subcommands named among {@code words} (all when null,
   * or when the words ask for help): a run declares to picocli just the commands it runs.
   */
  private CommandLine commandLine(Set<String> words) {
    boolean all = words == null || words.contains("-h") || words.contains("--help");
    if (commandLine != null && (commandLineComplete || !all)) {
      return commandLine;
    }
    CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name(name);
    // picocli's standard help options, declared as its programmatic API does (usageHelp,
    // versionHelp): mixinStandardHelpOptions would build them by reflection over an annotated
    // class, whose annotation proxies cost start-up.
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description(messages.get("help.help"))
            .descriptionKey("help.help")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .description(messages.get("help.version"))
            .descriptionKey("help.version")
            .build());
    spec.version(VpcscAuditCommand.version());
    // picocli's resource-bundle support: the option descriptions (descriptionKey) and the
    // section headings (usage.*Heading) come from the language's bundle.
    spec.resourceBundle(bundle(messages));
    spec.usageMessage()
        .abbreviateSynopsis(true)
        .synopsisHeading(messages.get("usage.synopsisHeading"))
        .description(format(description.stream().map(t -> t.in(messages)).toList()))
        .parameterListHeading(messages.get("usage.parameterListHeading"))
        .optionListHeading(messages.get("usage.optionListHeading"))
        .commandListHeading(messages.get("usage.commandListHeading"))
        .width(Help.width(context))
        .autoWidth(false)
        .sortOptions(true);
    Set<Opt> grouped = new HashSet<>();
    for (List<Opt> group : exclusive) {
      ArgGroupSpec.Builder g = ArgGroupSpec.builder().exclusive(true).multiplicity("0..1");
      for (Opt o : group) {
        g.addArg(o.spec(messages));
        grouped.add(o);
      }
      spec.addArgGroup(g.build());
    }
    for (Opt o : options) {
      if (!grouped.contains(o)) {
        spec.addOption(o.spec(messages));
      }
    }
    for (Param p : params) {
      PositionalParamSpec.Builder b =
          PositionalParamSpec.builder()
              .paramLabel(p.label())
              .description(format(p.description().in(messages)))
              .arity("1")
              .required(true)
              .type(String.class);
      if (!p.candidates().isEmpty()) {
        b.completionCandidates(p.candidates());
      }
      spec.addPositional(b.build());
    }
    CommandLine cl = new CommandLine(spec);
    for (String sub : subcommands.keySet()) {
      if (all || words.contains(sub)) {
        cl.addSubcommand(sub, child(sub).commandLine(all ? null : words));
      }
    }
    // Argument files are expanded before (ArgFiles): picocli reads a missing or unreadable @file
    // as a literal argument, where the contract wants one line naming the file, and has no size
    // limit.
    cl.setExpandAtFiles(false);
    cl.setOut(out);
    cl.setErr(err);
    commandLine = cl;
    commandLineComplete = all;
    return cl;
  }

  /**
   * The bundle picocli reads: the language's messages as picocli's format strings ({@link
   * #format}), but for the section headings, which are written as format strings ({@code %n}).
   */
  private static java.util.ResourceBundle bundle(Messages m) {
    return new java.util.ResourceBundle() {
      @Override
      protected Object handleGetObject(String key) {
        String text = m.template(key);
        return text == null || key.startsWith("usage.") ? text : format(text);
      }

      @Override
      public java.util.Enumeration<String> getKeys() {
        return java.util.Collections.enumeration(m.keys());
      }
    };
  }

  /**
   * Help and description texts as picocli's format strings: a {@code %} stands for itself, and
   * {@code ${...}} is not one of picocli's variables.
   */
  static String[] format(List<String> lines) {
    return lines.stream().map(Cmd::format).toArray(String[]::new);
  }

  static String format(String line) {
    return line.replace("%", "%%").replace("${", "$${");
  }

  // ---- parsing and running ----

  /**
   * Parses {@code args} from {@code from} on and runs the command they name: help, the version, a
   * subcommand or this command's action. Returns the exit code; usage errors are thrown.
   */
  int run(List<String> args, int from, String version) throws Exception {
    Cmd command = parse(args, from);
    if (command.helpRequested) {
      out.print(command.help());
      out.flush();
      return ExitCode.OK.code();
    }
    if (command.versionRequested) {
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
    List<String> given = args.subList(from, args.size());
    checkFlagsTakeNoValue(given);
    ParseResult result;
    try {
      result = commandLine(new HashSet<>(given)).parseArgs(given.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw translate(e, given);
    }
    Cmd command = this;
    boolean help = false;
    boolean version = false;
    for (ParseResult level = result; level != null; level = level.subcommand()) {
      command = (Cmd) level.commandSpec().userObject();
      command.read(level);
      help |= level.isUsageHelpRequested();
      version |= level.isVersionHelpRequested();
    }
    if (help || version) {
      command.helpRequested = help;
      command.versionRequested = version && !help;
      return command;
    }
    if (command.action == null) {
      throw command.usage(
          command.messages.get(
              "usage.missing-command", command.messages.orList(command.suggested())));
    }
    for (Runnable r : command.readers) {
      r.run();
    }
    return command;
  }

  /** The values of one level of the parse, checked against a choice option's candidates. */
  private void read(ParseResult level) {
    Map<OptionSpec, Boolean> seen = new IdentityHashMap<>();
    for (OptionSpec spec : level.matchedOptions()) {
      if (spec.usageHelp() || spec.versionHelp() || seen.put(spec, true) != null) {
        continue;
      }
      Opt o = declared(spec.longestName());
      matched.add(o.longName());
      if (o.flag()) {
        continue;
      }
      for (String raw : spec.originalStringValues()) {
        for (String v : o.list ? raw.split(",", -1) : new String[] {raw}) {
          String value = o.candidates.isEmpty() ? v : v.strip();
          checkCandidate(o, value);
          values.computeIfAbsent(o.longName(), k -> new ArrayList<>()).add(value);
        }
      }
    }
    for (PositionalParamSpec p : level.matchedPositionals()) {
      paramValues.addAll(p.originalStringValues());
    }
  }

  /** {@code --flag=value}: picocli takes {@code =true}; the contract says a flag has no value. */
  private void checkFlagsTakeNoValue(List<String> args) {
    Cmd at = this;
    for (String a : args) {
      if (a.equals("--")) {
        return;
      }
      if (at.subcommands.containsKey(a)) {
        at = at.child(a);
        continue;
      }
      int eq = a.indexOf('=');
      if (a.startsWith("-") && eq > 0) {
        Opt o = at.byName.get(a.substring(0, eq));
        if (o != null && o.flag()) {
          throw at.usage(at.messages.get("usage.flag-value", o.longName()));
        }
      }
    }
  }

  private static final Pattern EXPECTED_PARAMETER =
      Pattern.compile("^Expected parameter for option '([^']+)' but found");

  /** picocli's parse error in the contract's words, for the command it occurred in. */
  private UsageException translate(CommandLine.ParameterException e, List<String> args) {
    Cmd at = (Cmd) e.getCommandLine().getCommandSpec().userObject();
    if (e instanceof CommandLine.UnmatchedArgumentException u) {
      return at.unmatched(u.getUnmatched(), args);
    }
    if (e instanceof CommandLine.MutuallyExclusiveArgsException) {
      // picocli: "Error: --a=A, --b=B are mutually exclusive (specify only one)"
      for (List<Opt> group : at.exclusive) {
        List<String> names = group.stream().map(Opt::longName).toList();
        if (names.stream().filter(n -> e.getMessage().contains(n)).count() > 1) {
          return at.usage(at.messages.get("usage.exclusive", at.messages.andList(names)));
        }
      }
    }
    if (e instanceof CommandLine.OverwrittenOptionException twice
        && twice.getOverwritten() instanceof CommandLine.Model.OptionSpec o) {
      // picocli: "option '--name' (NAME) should be specified only once"
      return at.usage(
          o.arity().max() == 0
              ? at.messages.get("usage.once.flag", o.longestName())
              : at.messages.get("usage.once", o.longestName(), o.paramLabel()));
    }
    // An option given without its value: "Expected parameter for option '--name' but found
    // '--must'", or "Missing required parameter for option '--name' (NAME)" at the end.
    String message = String.valueOf(e.getMessage());
    Matcher m = EXPECTED_PARAMETER.matcher(message);
    List<CommandLine.Model.ArgSpec> missing =
        e instanceof CommandLine.MissingParameterException mp ? mp.getMissing() : List.of();
    String lacking =
        m.find()
            ? m.group(1)
            : message.startsWith("Missing required parameter for option")
                    && !missing.isEmpty()
                    && missing.get(0) instanceof CommandLine.Model.OptionSpec o
                ? o.longestName()
                : null;
    if (lacking != null) {
      Opt o = at.byName.get(lacking);
      return o == null
          ? at.usage(message)
          : at.usage(at.messages.get("usage.missing-value", o.longName(), o.label));
    }
    if (!missing.isEmpty()) {
      // "Missing required option: '--as=FORMAT'", "Missing required parameter: 'NAME|FILE'"
      List<String> names = new ArrayList<>();
      boolean options = false;
      for (CommandLine.Model.ArgSpec a : missing) {
        if (a instanceof CommandLine.Model.OptionSpec o) {
          options = true;
          names.add("'" + o.longestName() + "=" + o.paramLabel() + "'");
        } else {
          names.add("'" + a.paramLabel() + "'");
        }
      }
      String key =
          !options
              ? "usage.missing-parameter"
              : names.size() == 1 ? "usage.missing-option" : "usage.missing-options";
      return at.usage(at.messages.get(key, at.messages.andList(names)));
    }
    return at.usage(e.getMessage());
  }

  /**
   * The help: picocli's sections, then the footer, whose examples are printed as written, to be
   * copied whole (picocli would wrap them at the width), and whose prose is wrapped.
   *
   * <p>(Composed here rather than through a section renderer of ours: picocli's class files are
   * Java 5's, and a class of ours implementing one of its interfaces keeps that interface, and
   * every picocli class implementing it, out of the class-data archive: bin/train-cds's log says
   * "Old class has been linked".)
   */
  String help() {
    CommandLine cl = commandLine();
    CommandLine.Help help =
        cl.getHelpFactory()
            .create(
                cl.getCommandSpec(),
                CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    StringBuilder text = new StringBuilder();
    for (String key : cl.getHelpSectionKeys()) {
      if (!key.equals(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER)) {
        text.append(cl.getHelpSectionMap().get(key).render(help));
      }
    }
    return text
        + Help.footer(
            footer.stream().map(t -> t.in(messages)).toList(),
            cl.getCommandSpec().usageMessage().width());
  }

  /** Arguments no option or command of this one took. */
  private UsageException unmatched(List<String> unmatched, List<String> args) {
    boolean option = unmatched.stream().anyMatch(u -> u.startsWith("-") && u.length() > 1);
    String list = "'" + String.join("', '", unmatched) + "'";
    if (!subcommands.isEmpty() && !option) {
      return usage(
          messages.get(
              "usage.unknown-command",
              list,
              commandSuggestion(unmatched.get(0)),
              messages.orList(suggested())));
    }
    String command = commandAfter(unmatched, args);
    if (command != null) {
      return usage(
          messages.get(
              "usage.option-of",
              unmatched.get(0),
              command,
              qualifiedName() + " " + command + " " + unmatched.get(0) + " ..."));
    }
    String hint = option ? suggestion(unmatched) : "";
    return usage(
        messages.get(
            (option ? "usage.unknown-option" : "usage.unexpected-argument")
                + (unmatched.size() == 1 ? ".one" : ""),
            list,
            hint));
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
  private String commandAfter(List<String> unmatched, List<String> args) {
    if (subcommands.isEmpty() || !unmatched.get(0).startsWith("-")) {
      return null;
    }
    for (String a : args) {
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
    return best == null ? "" : messages.get("usage.did-you-mean-command", best);
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
        return messages.get("usage.did-you-mean-option", best);
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
    throw usage(messages.get("usage.expected", o.longName(), messages.orList(o.candidates), v));
  }

  private static String optionName(String arg) {
    int eq = arg.indexOf('=');
    return eq > 0 ? arg.substring(0, eq) : arg;
  }
}
