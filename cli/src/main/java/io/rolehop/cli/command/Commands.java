package io.rolehop.cli.command;

import io.rolehop.cli.wiring.CliContext;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Builds the command tree of {@code rolehop}. */
public final class Commands {
    private Commands() {}

    /** Every command answers {@code -h, --help}, so the hint in each usage error works. */
    private static void withHelpEverywhere(CommandLine commandLine) {
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            if (sub.getCommandSpec().optionsMap().get("--help") == null && !"help".equals(sub.getCommandName())) {
                sub.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build());
            }
            withHelpEverywhere(sub);
        }
    }

    public static CommandLine build(CliContext context) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                    if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == CliContext.class) {
                        return type.cast(constructor.newInstance(context));
                    }
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine commandLine = new CommandLine(new RootCommand(context), factory);
        CommandLine session = commandLine.getSubcommands().get("session");
        CommandLine add = session.getSubcommands().get("add");
        SessionAddCommand.addMethodSubcommands(add, context);
        SessionEditCommand.addMethodFields(session.getSubcommands().get("edit").getCommandSpec(), context);
        ErrorHandler errors = new ErrorHandler(context);
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        withHelpEverywhere(commandLine);
        // 'rolehop exec prod aws s3 ls --recursive': once SESSION is given, every word is the command's, '--' or not.
        commandLine.getSubcommands().get("exec").setStopAtPositional(true);
        if (context.environment().get("NO_COLOR").isPresent()) {
            commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        }
        return commandLine;
    }
}
