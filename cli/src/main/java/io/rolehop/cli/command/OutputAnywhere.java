package io.rolehop.cli.command;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code -o, --output FORMAT} accepted in any position: given before the command's name ({@code rolehop -o json
 * session list}, {@code rolehop session -o json list}) it is moved after it, where the command's own option takes it
 * (see docs/cli-reference.md, "Output"). Nothing after {@code --} or after the command's name moves.
 */
final class OutputAnywhere {
    private OutputAnywhere() {}

    static String[] arrange(CommandLine root, String[] args) {
        CommandLine current = root;
        List<String> before = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return args;
            }
            CommandLine sub = current.getSubcommands().get(arg);
            if (sub != null) {
                before.add(arg);
                current = sub;
                if (sub.getSubcommands().isEmpty() || sub.getCommandName().equals("add")) {
                    if (moved.isEmpty()
                            || sub.getCommandSpec().findOption("--output") == null
                                    && !sub.getCommandName().equals("add")) {
                        return args;
                    }
                    List<String> result = new ArrayList<>(before);
                    int rest = i + 1;
                    if (sub.getCommandName().equals("add") && rest < args.length && !args[rest].startsWith("-")) {
                        result.add(args[rest++]);
                    }
                    result.addAll(moved);
                    result.addAll(List.of(args).subList(rest, args.length));
                    return result.toArray(String[]::new);
                }
            } else if (outputOptionWidth(args, i) > 0) {
                int width = outputOptionWidth(args, i);
                moved.addAll(List.of(args).subList(i, i + width));
                i += width - 1;
            } else {
                before.add(arg);
            }
        }
        return args;
    }

    /**
     * How many arguments from {@code args[i]} are an {@code -o, --output} option with its value: 2 for {@code -o
     * json} and {@code --output json}, 1 for {@code --output=json} and {@code -ojson}, else 0.
     */
    static int outputOptionWidth(String[] args, int i) {
        String arg = args[i];
        if ((arg.equals("-o") || arg.equals("--output")) && i + 1 < args.length) {
            return 2;
        }
        return arg.startsWith("--output=") || arg.startsWith("-o") && arg.length() > 2 && !arg.startsWith("--") ? 1 : 0;
    }
}
