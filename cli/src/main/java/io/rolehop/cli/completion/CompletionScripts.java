package io.rolehop.cli.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The shell completion scripts of {@code rolehop}, written from the command tree: commands and options are fixed in
 * the script, the values that change (session aliases, profiles, access methods) are asked of
 * {@code rolehop completion --candidates KIND} as the user presses TAB, which reads the workspace only (no secret
 * store, no prompt). See docs/cli-reference.md, "rolehop completion".
 */
public final class CompletionScripts {
    /** The shells there is a script for. */
    public static final List<String> SHELLS = List.of("bash", "zsh", "fish");

    private CompletionScripts() {}

    /** What a value is completed from: the kind passed to {@code --candidates}, or none. */
    static String kindOf(String label) {
        return switch (label.toUpperCase(Locale.ROOT)) {
            case "SESSION", "ASSUMER" -> "sessions";
            case "PROFILE" -> "profiles";
            case "METHOD" -> "methods";
            default -> null;
        };
    }

    /** The script for {@code shell} (one of {@link #SHELLS}). */
    public static String script(String shell, CommandLine root) {
        return switch (shell) {
            case "bash" -> bash(root);
            case "zsh" ->
                "#compdef rolehop\nautoload -U +X bashcompinit && bashcompinit\n"
                        + "autoload -U +X compinit && compinit\n" + bash(root);
            case "fish" -> fish(root);
            default -> throw new IllegalArgumentException(shell);
        };
    }

    /** Where dynamic values go: "command path|word" keys, e.g. "session start|" for its positional, "|--profile". */
    private static void dynamicSlots(CommandSpec spec, String path, Map<String, String> slots) {
        for (PositionalParamSpec p : spec.positionalParameters()) {
            String kind = kindOf(p.paramLabel().replaceAll("[<>.\\[\\]]", ""));
            if (kind != null && p.index().min() == 0) {
                slots.put(path + "|", kind);
            }
        }
        for (OptionSpec o : spec.options()) {
            String kind = kindOf(o.longestName().replaceFirst("^-+", ""));
            if (kind != null && o.arity().max() > 0) {
                slots.put(path + "|" + o.longestName(), kind);
            }
        }
        for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
            if (sub.getKey().equals(sub.getValue().getCommandName())
                    && !sub.getValue().getCommandSpec().usageMessage().hidden()) {
                dynamicSlots(sub.getValue().getCommandSpec(), (path.isEmpty() ? "" : path + " ") + sub.getKey(), slots);
            }
        }
    }

    private static String bash(CommandLine root) {
        StringBuilder out = new StringBuilder(AutoComplete.bash("rolehop", root));
        Map<String, String> slots = new java.util.TreeMap<>();
        dynamicSlots(root.getCommandSpec(), "", slots);
        out.append("""

                # Values that change (sessions, profiles, access methods) are asked of rolehop as TAB is pressed.
                function _rolehop_dynamic() {
                  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} word i kind=""
                  local -a positional=()
                  for ((i = 1; i < COMP_CWORD; i++)); do
                    word=${COMP_WORDS[i]}
                    case $word in
                      -*) ;;
                      *) positional+=("$word") ;;
                    esac
                  done
                  case "${positional[*]}|$prev" in
                """);
        slots.forEach((slot, kind) -> {
            String path = slot.substring(0, slot.indexOf('|'));
            String option = slot.substring(slot.indexOf('|') + 1);
            if (option.isEmpty()) {
                out.append("    '")
                        .append(path)
                        .append("|'*) [[ $cur != -* ]] && kind=")
                        .append(kind)
                        .append(" ;;\n");
            } else {
                out.append("    '")
                        .append(path)
                        .append("'*'|")
                        .append(option)
                        .append("') kind=")
                        .append(kind)
                        .append(" ;;\n");
            }
        });
        out.append("""
                  esac
                  if [ -n "$kind" ]; then
                    local IFS=$'\\n'
                    COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" completion --candidates "$kind" 2>/dev/null)" -- "$cur"))
                    return 0
                  fi
                  _complete_rolehop "$@"
                }
                complete -F _rolehop_dynamic -o default rolehop rolehop.sh rolehop.bash
                """);
        return out.toString();
    }

    private static String fish(CommandLine root) {
        StringBuilder out = new StringBuilder("""
                # fish completion for rolehop, written from its command tree. Values that change (sessions, profiles,
                # access methods) are asked of 'rolehop completion --candidates KIND' as TAB is pressed.
                function __rolehop_path
                    set -l words (commandline -opc)
                    set -e words[1]
                    set -l path
                    for w in $words
                        string match -q -- '-*' $w; or set -a path $w
                    end
                    string join ' ' -- $path
                end
                function __rolehop_at
                    set -l path (__rolehop_path)
                    test "$path" = "$argv[1]"
                end
                complete -c rolehop -f
                """);
        fishCommand(root.getCommandSpec(), "", out);
        return out.toString();
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String description(String[] lines) {
        return lines.length == 0 ? "" : lines[0].replaceAll("\\s+", " ");
    }

    private static void fishCommand(CommandSpec spec, String path, StringBuilder out) {
        String when = " -n " + quote("__rolehop_at " + quote(path));
        for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
            CommandSpec child = sub.getValue().getCommandSpec();
            if (!sub.getKey().equals(sub.getValue().getCommandName())
                    || child.usageMessage().hidden()) {
                continue;
            }
            out.append("complete -c rolehop")
                    .append(when)
                    .append(" -a ")
                    .append(quote(sub.getKey()))
                    .append(" -d ")
                    .append(quote(description(child.usageMessage().description())))
                    .append('\n');
            fishCommand(child, (path.isEmpty() ? "" : path + " ") + sub.getKey(), out);
        }
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            StringBuilder line = new StringBuilder("complete -c rolehop").append(when);
            for (String name : option.names()) {
                line.append(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
            }
            String kind = kindOf(option.longestName().replaceFirst("^-+", ""));
            if (option.arity().max() > 0) {
                line.append(" -r");
                List<String> candidates = new ArrayList<>();
                if (option.completionCandidates() != null) {
                    option.completionCandidates().forEach(candidates::add);
                }
                if (kind != null) {
                    line.append(" -a '(rolehop completion --candidates ")
                            .append(kind)
                            .append(" 2>/dev/null)'");
                } else if (!candidates.isEmpty()) {
                    line.append(" -a ").append(quote(String.join(" ", candidates)));
                }
            }
            out.append(line)
                    .append(" -d ")
                    .append(quote(description(option.description())))
                    .append('\n');
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            String kind = kindOf(p.paramLabel().replaceAll("[<>.\\[\\]]", ""));
            if (kind != null && p.index().min() == 0) {
                out.append("complete -c rolehop")
                        .append(when)
                        .append(" -a '(rolehop completion --candidates ")
                        .append(kind)
                        .append(" 2>/dev/null)'\n");
            }
        }
    }
}
