package io.rolehop.cli.command;

import io.rolehop.application.port.in.SettingsUseCase;
import io.rolehop.cli.wiring.CliContext;
import io.rolehop.cli.output.Output;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "settings", description = "Workspace settings: default-mode, refresh-margin-seconds, secret-store.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {SettingsCommand.ListCommand.class, SettingsCommand.SetCommand.class,
            SettingsCommand.UnsetCommand.class})
final class SettingsCommand {

    @Command(name = "list", description = "Show every setting with its value.")
    static final class ListCommand implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        OutputOption output;

        ListCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Map<String, String> settings = context.get(SettingsUseCase.class).list();
            Output out = new Output(context.environment().out());
            if (output.json()) {
                out.json(settings);
            } else {
                out.table(List.of("SETTING", "VALUE"),
                        settings.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList());
            }
            return 0;
        }
    }

    @Command(name = "set", description = "Change a setting.")
    static final class SetCommand implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        SetCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.get(SettingsUseCase.class).set(key, value);
            new Output(context.environment().out()).line(key + " set");
            return 0;
        }
    }

    @Command(name = "unset", description = "Return a setting to its default.")
    static final class UnsetCommand implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "KEY")
        String key;

        UnsetCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.get(SettingsUseCase.class).unset(key);
            new Output(context.environment().out()).line(key + " reset to its default");
            return 0;
        }
    }
}
