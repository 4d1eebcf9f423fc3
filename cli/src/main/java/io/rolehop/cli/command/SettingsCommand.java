package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.SettingsUseCase;
import io.rolehop.cli.output.Output;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "settings",
        description =
                "Workspace settings: default-mode, refresh-margin-seconds, secret-store, console-browser-context.",
        synopsisSubcommandLabel = "COMMAND")
final class SettingsCommand {

    @Command(name = "list", description = "Show every setting with its value.")
    static final class ListCommand implements Callable<Integer> {
        private final Provider<SettingsUseCase> settings;
        private final Output out;

        @Mixin
        OutputOption output;

        @Inject
        ListCommand(Provider<SettingsUseCase> settings, Output out) {
            this.settings = settings;
            this.out = out;
        }

        @Override
        public Integer call() {
            Map<String, String> settings = this.settings.get().list();
            if (output.json()) {
                out.json(settings);
            } else {
                out.table(
                        List.of("SETTING", "VALUE"),
                        settings.entrySet().stream()
                                .map(e -> List.of(e.getKey(), e.getValue()))
                                .toList());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "set", description = "Change a setting.")
    static final class SetCommand implements Callable<Integer> {
        private final Provider<SettingsUseCase> settings;
        private final Output out;

        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Inject
        SetCommand(Provider<SettingsUseCase> settings, Output out) {
            this.settings = settings;
            this.out = out;
        }

        @Override
        public Integer call() {
            settings.get().set(key, value);
            out.line(key + " set");
            return ExitCode.OK;
        }
    }

    @Command(name = "unset", description = "Return a setting to its default.")
    static final class UnsetCommand implements Callable<Integer> {
        private final Provider<SettingsUseCase> settings;
        private final Output out;

        @Parameters(paramLabel = "KEY")
        String key;

        @Inject
        UnsetCommand(Provider<SettingsUseCase> settings, Output out) {
            this.settings = settings;
            this.out = out;
        }

        @Override
        public Integer call() {
            settings.get().unset(key);
            out.line(key + " reset to its default");
            return ExitCode.OK;
        }
    }
}
