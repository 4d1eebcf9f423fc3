package io.rolehop.cli.command;

import io.rolehop.application.spi.AccessMethod;
import io.rolehop.cli.wiring.CliContext;
import io.rolehop.cli.output.Output;
import io.rolehop.cli.plugin.AccessMethodLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "plugins", description = "Access methods: built-in ones and those found in the plugin directories.",
        synopsisSubcommandLabel = "COMMAND", subcommands = {PluginsCommand.ListCommand.class})
final class PluginsCommand {

    @Command(name = "list", description = "List the access methods found, where from, and their versions.")
    static final class ListCommand implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        OutputOption output;

        ListCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<AccessMethodLoader.Found> found = context.accessMethods();
            Output out = new Output(context.environment().out());
            if (output.json()) {
                out.json(found.stream().map(f -> {
                    AccessMethod m = f.method();
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("id", m.id());
                    json.put("name", m.displayName());
                    json.put("version", m.version());
                    json.put("source", f.source());
                    json.put("requiresAssumer", m.requiresAssumer());
                    json.put("description", m.description());
                    return json;
                }).toList());
            } else {
                out.table(List.of("ID", "NAME", "VERSION", "SOURCE"), found.stream().map(f -> List.of(
                        f.method().id(), f.method().displayName(), f.method().version(), f.source())).toList());
                out.line("");
                out.line("Plugin directories: " + String.join(", ", context.pluginDirectories().stream()
                        .map(Object::toString).toList()));
            }
            return 0;
        }
    }
}
