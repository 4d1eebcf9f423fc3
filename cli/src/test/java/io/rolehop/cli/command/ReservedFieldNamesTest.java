package io.rolehop.cli.command;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.spi.AccessMethodChecks;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.cli.CliHarness;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.plugin.AccessMethodLoader;
import io.rolehop.cli.wiring.CliContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The one list of reserved field names holds every option {@code session add} and {@code session edit} define
 * themselves: a method's field named like any of them would clash.
 */
class ReservedFieldNamesTest {
    @TempDir
    Path dir;

    @Test
    void everyOwnOptionOfSessionAddAndEditIsReserved() {
        PrintStream discard = new PrintStream(new ByteArrayOutputStream());
        CliEnvironment environment = new CliHarness(dir).environment(discard, discard);
        CliContext context = new CliContext(environment, List.of());
        CommandLine session =
                Commands.build(context, "session", "add").getSubcommands().get("session");
        Set<String> fieldOptions = new HashSet<>();
        for (AccessMethodLoader.Found found : context.accessMethods()) {
            for (FieldSpec field : found.method().fields()) {
                fieldOptions.add("--" + field.name());
                fieldOptions.add("--" + field.name() + "-stdin");
            }
        }
        List<CommandLine> commands = new ArrayList<>(
                session.getSubcommands().get("add").getSubcommands().values());
        commands.add(session.getSubcommands().get("edit"));
        assertTrue(commands.size() >= 3, "the add subcommands of the built-in methods, and edit");
        for (CommandLine command : commands) {
            for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
                for (String name : option.names()) {
                    if (name.startsWith("--") && !fieldOptions.contains(name)) {
                        assertTrue(
                                AccessMethodChecks.RESERVED_FIELD_NAMES.contains(name.substring(2)),
                                command.getCommandSpec().qualifiedName() + " defines " + name
                                        + ", which is not in AccessMethodChecks.RESERVED_FIELD_NAMES");
                    }
                }
            }
        }
    }
}
