package io.rolehop.cli.command;

import io.rolehop.cli.wiring.CliContext;
import io.rolehop.cli.wiring.CommandFactory;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Builds the command tree of {@code rolehop} for a command line (see {@link CommandTree}). */
public final class Commands {
    /**
     * The system property set (to a file of command lines) on the run that makes the class data sharing archive
     * (cds/train.sh); {@code Main} runs those lines. A constant, so reading it loads no class of this package.
     */
    public static final String CDS_TRAINING = "rolehop.training";

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

    /**
     * The command tree for the command line {@code args}: the part of it the line names (see {@link CommandTree}),
     * with the access methods' options where {@link #needsMethodOptions} says so.
     */
    public static CommandLine build(CliContext context, String... args) {
        CommandFactory factory = new CommandFactory(context);
        // The run that makes the class data sharing archive takes the whole tree, so the archive holds every command
        // and the types its constructor names, whichever command a later line names (docs/architecture.md, "The
        // command tree").
        CommandLine tree = System.getProperty(CDS_TRAINING) != null
                ? CommandTree.whole(factory)
                : CommandTree.build(factory, args);
        return completed(tree, context, needsMethodOptions(args));
    }

    /**
     * The whole command tree, with each access method's subcommand of {@code session add} and its options: what the
     * completion scripts and the man pages describe.
     */
    public static CommandLine whole(CliContext context) {
        return completed(CommandTree.whole(new CommandFactory(context)), context, true);
    }

    /**
     * The tree made ready to run: the access methods' options if {@code methodOptions}, the error handlers, help on
     * every command, the examples.
     */
    static CommandLine completed(CommandLine commandLine, CliContext context, boolean methodOptions) {
        if (methodOptions) {
            addMethodOptions(commandLine, context);
        }
        ErrorHandler errors = new ErrorHandler(context);
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        withHelpEverywhere(commandLine);
        HelpExamples.addTo(commandLine, context.environment().distribution());
        // 'rolehop exec prod aws s3 ls --recursive': once SESSION is given, every word is the command's, '--' or not.
        CommandLine exec = commandLine.getSubcommands().get("exec");
        if (exec != null) {
            exec.setStopAtPositional(true);
        }
        if (context.environment().get("NO_COLOR").isPresent()) {
            commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        }
        return commandLine;
    }

    private static void addMethodOptions(CommandLine commandLine, CliContext context) {
        CommandLine session = commandLine.getSubcommands().get("session");
        CommandLine add = session == null ? null : session.getSubcommands().get("add");
        if (add != null) {
            ((SessionAddCommand) add.getCommand()).addMethodSubcommands(add);
        }
        CommandLine edit = session == null ? null : session.getSubcommands().get("edit");
        if (edit != null) {
            SessionEditCommand.addMethodFields(edit.getCommandSpec(), context);
        }
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
