package dev.vpcscaudit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code vpcsc-audit generate-completion}: a bash completion script made from the command model
 * (zsh loads it through bashcompinit). It completes command names, each command's options, the
 * values of options that take one of a list, and file names where an option takes a file.
 */
final class Completion {

  /** Words the script embeds unquoted: option names, command names, choice values. */
  private static final Pattern WORD =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*|-{1,2}[A-Za-z][A-Za-z0-9-]*");

  private Completion() {}

  static String script(Cmd root, List<String> profileNames) {
    String fn = "_" + root.name().replace('-', '_');
    StringBuilder s = new StringBuilder();
    s.append("#!/usr/bin/env bash\n")
        .append("# Completion for ")
        .append(root.name())
        .append(" (bash; zsh through bashcompinit). Load it with:\n")
        .append("#   source <(")
        .append(root.name())
        .append(" generate-completion)\n")
        .append("if [ -n \"${ZSH_VERSION:-}\" ]; then\n")
        .append("  autoload -U +X bashcompinit && bashcompinit\n")
        .append("fi\n\n")
        .append(fn)
        .append("() {\n")
        .append("  local cur prev path i w opts cmds\n")
        .append("  cur=\"${COMP_WORDS[COMP_CWORD]}\"\n")
        .append("  prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n")
        .append("  COMPREPLY=()\n")
        .append("  # The command path: the words so far that name a command below the last one.\n")
        .append("  path=\"\"\n")
        .append("  for ((i = 1; i < COMP_CWORD; i++)); do\n")
        .append("    w=\"${COMP_WORDS[i]}\"\n")
        .append("    case \"$path/$w\" in\n");
    List<Cmd> all = new ArrayList<>();
    collect(root, all);
    for (Cmd c : all) {
      if (c != root) {
        s.append("      \"")
            .append(path(c, root))
            .append("\") path=\"")
            .append(path(c, root))
            .append("\" ;;\n");
      }
    }
    s.append("    esac\n").append("  done\n").append("  case \"$path\" in\n");
    for (Cmd c : all) {
      s.append("    \"").append(c == root ? "" : path(c, root)).append("\")\n");
      List<String> names = new ArrayList<>();
      StringBuilder values = new StringBuilder();
      for (Cmd.Opt o : c.options()) {
        names.addAll(o.names);
        if (o.flag()) {
          continue;
        }
        String reply;
        if (!o.candidates.isEmpty()) {
          reply = "compgen -W \"" + words(o.candidates) + "\" -- \"$cur\"";
        } else if (o.complete == Cmd.Complete.FILE) {
          reply = "compgen -f -- \"$cur\"";
        } else if (o.complete == Cmd.Complete.DIR) {
          reply = "compgen -d -- \"$cur\"";
        } else {
          reply = null;
        }
        values
            .append("        ")
            .append(String.join("|", words(o.names).split(" ")))
            .append(")\n")
            .append(reply == null ? "" : "          COMPREPLY=($(" + reply + "))\n")
            .append("          return ;;\n");
      }
      if (values.length() > 0) {
        s.append("      case \"$prev\" in\n").append(values).append("      esac\n");
      }
      s.append("      opts=\"").append(words(names)).append("\"\n");
      List<String> cmds = new ArrayList<>(c.subcommands().keySet());
      if (!c.params().isEmpty()) {
        // The one positional parameter there is: a shipped profile name or a file.
        cmds.addAll(profileNames);
      }
      s.append("      cmds=\"").append(words(cmds)).append("\"\n");
      if (!c.params().isEmpty()) {
        s.append("      if [[ \"$cur\" != -* ]]; then\n")
            .append(
                "        COMPREPLY=($(compgen -W \"$cmds\" -- \"$cur\") $(compgen -f -- \"$cur\"))\n")
            .append("        return\n")
            .append("      fi\n");
      }
      s.append("      ;;\n");
    }
    s.append("  esac\n")
        .append("  if [[ \"$cur\" == -* ]]; then\n")
        .append("    COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n")
        .append("  else\n")
        .append("    COMPREPLY=($(compgen -W \"$cmds\" -- \"$cur\"))\n")
        .append("  fi\n")
        .append("}\n\n")
        .append("complete -F ")
        .append(fn)
        .append(" -o default ")
        .append(root.name())
        .append('\n');
    return s.toString();
  }

  private static void collect(Cmd c, List<Cmd> all) {
    all.add(c);
    for (String name : c.subcommands().keySet()) {
      collect(c.child(name), all);
    }
  }

  /** {@code /profiles/show}: the case label of a command's path. */
  private static String path(Cmd c, Cmd root) {
    return c == root ? "" : path(c.parent(), root) + "/" + c.name();
  }

  /** Space-separated; each word checked, since the script embeds them unquoted. */
  private static String words(List<String> words) {
    for (String w : words) {
      if (!WORD.matcher(w).matches()) {
        throw new IllegalStateException("not a completion word: " + w);
      }
    }
    return String.join(" ", words);
  }
}
