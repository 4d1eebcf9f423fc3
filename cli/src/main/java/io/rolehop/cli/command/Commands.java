package io.rolehop.cli.command;

import io.rolehop.cli.wiring.CliContext;
import io.rolehop.cli.wiring.CommandFactory;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Builds the command tree of {@code rolehop}. */
public final class Commands {
    private Commands() {}

    /** Every command answers {@code -h, --help}, so the hint in each usage error works. */
    private static void withHelpEverywhere(CommandLine commandLine) {
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            if (sub.getCommandSpec().optionsMap().get("--help") == null && !"help".equals(sub.getCommandName())) {
                sub.getCommandSpec()
                        .addOption(CommandLine.Model.OptionSpec.builder("-h", "--help")
                                .usageHelp(true)
                                .description("Show this help message and exit.")
                                .build());
            }
            withHelpEverywhere(sub);
        }
    }

    /**
     * Whether the command line is one whose options come from the access methods ({@code session add},
     * {@code session edit}, or help on them): only then are the methods, and so the trusted plugins, loaded while the
     * command tree is built. Every other command loads them only if its use case needs a method, and
     * {@code --version}, {@code --help}, {@code help} and the profile, region and settings commands never do.
     */
    static boolean needsMethodOptions(String... args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (!arg.startsWith("-")) {
                words.add(arg);
            }
            if (words.size() == 3) {
                break;
            }
        }
        if (!words.isEmpty() && words.get(0).equals("help")) {
            words.remove(0);
        }
        return words.size() >= 2
                && words.get(0).equals("session")
                && (words.get(1).equals("add") || words.get(1).equals("edit"));
    }

    /** The command tree for the command line {@code args}; see {@link #needsMethodOptions}. */
    public static CommandLine build(CliContext context, String... args) {
        CommandLine commandLine = new CommandLine(RootCommand.class, new CommandFactory(context));
        if (needsMethodOptions(args)) {
            CommandLine session = commandLine.getSubcommands().get("session");
            CommandLine add = session.getSubcommands().get("add");
            ((SessionAddCommand) add.getCommand()).addMethodSubcommands(add);
            SessionEditCommand.addMethodFields(
                    session.getSubcommands().get("edit").getCommandSpec(), context);
        }
        ErrorHandler errors = new ErrorHandler(context);
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        withHelpEverywhere(commandLine);
        HelpExamples.addTo(commandLine, context.environment().distribution());
        // 'rolehop exec prod aws s3 ls --recursive': once SESSION is given, every word is the command's, '--' or not.
        commandLine.getSubcommands().get("exec").setStopAtPositional(true);
        if (context.environment().get("NO_COLOR").isPresent()) {
            commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        }
        return commandLine;
    }

    /** {@code args} with {@code -o, --output} moved after the command's name (see {@link OutputAnywhere}). */
    public static String[] arranged(CommandLine commandLine, String... args) {
        return OutputAnywhere.arrange(commandLine, args);
    }

    /** A failure before the command ran (while its tree was built), reported as one that happens while it runs. */
    public static int failure(CliContext context, Exception e, PrintWriter err) {
        return new ErrorHandler(context).report(e, err);
    }
}
