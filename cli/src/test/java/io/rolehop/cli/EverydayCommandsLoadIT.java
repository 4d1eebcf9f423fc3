package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The everyday commands on the assembled distribution load only what they use (see docs/performance.md, "Start-up
 * of every command"): {@code --version} and {@code help} load no class of Jackson's data binding (the output's JSON
 * writer is made on first use) nor of the AWS SDK; the listings, which read the workspace, load no AWS SDK class;
 * the JSON output loads Jackson's writer, which shows the check sees what a command loads.
 */
class EverydayCommandsLoadIT {
    private static final String JACKSON = "com.fasterxml.jackson.databind.";
    private static final String SDK = "software.amazon.";

    @TempDir
    Path dir;

    @Test
    void versionAndHelpLoadNeitherJacksonNorTheSdkAndListingsNoSdk() throws Exception {
        Map<List<String>, List<String>> notLoaded = Map.of(
                List.of("--version"),
                List.of(JACKSON, SDK),
                List.of("help"),
                List.of(JACKSON, SDK),
                List.of("session", "list"),
                List.of(SDK),
                List.of("session", "tree"),
                List.of(SDK),
                List.of("profile", "list"),
                List.of(SDK));
        for (Map.Entry<List<String>, List<String>> command : notLoaded.entrySet()) {
            List<String> args = command.getKey();
            List<String> loaded = classesLoadedBy(args);
            List<String> forbidden = loaded.stream()
                    .filter(n -> command.getValue().stream().anyMatch(n::startsWith))
                    .toList();
            System.out.println("rolehop " + String.join(" ", args) + " loaded " + loaded.size() + " classes");
            assertEquals(List.of(), forbidden, "rolehop " + String.join(" ", args) + " loaded them");
        }
    }

    /**
     * A command line loads the classes of the commands it names and of no other (see docs/architecture.md, "The
     * command tree"): {@code session list} those of the root, {@code session} and {@code list}; {@code --version} the
     * root's alone. {@code help}, which reads the whole tree, loads them all, which shows the check sees them.
     */
    @Test
    void aCommandLineLoadsOnlyTheCommandClassesItNames() throws Exception {
        String command = "io.rolehop.cli.command.";
        List<String> everyCommand = commandClasses(classesLoadedBy(List.of("help")));
        assertTrue(
                everyCommand.containsAll(List.of(
                        command + "ExecCommand",
                        command + "SsoSyncCommand",
                        command + "ImportAwsConfigCommand",
                        command + "ProfileCommand$ListCommand")),
                "help loaded " + everyCommand);
        assertEquals(
                List.of(command + "RootCommand", command + "SessionCommand", command + "SessionListCommand"),
                commandClasses(classesLoadedBy(List.of("session", "list"))).stream()
                        .sorted()
                        .toList());
        assertEquals(List.of(command + "RootCommand"), commandClasses(classesLoadedBy(List.of("--version"))));
    }

    /** The classes among {@code loaded} that are rolehop's commands. */
    private static List<String> commandClasses(List<String> loaded) throws ClassNotFoundException {
        List<String> commands = new ArrayList<>();
        for (String name : loaded) {
            if (name.startsWith("io.rolehop.cli.command.")
                    && !name.contains("/") // a lambda's hidden class
                    && Class.forName(name, false, EverydayCommandsLoadIT.class.getClassLoader())
                            .isAnnotationPresent(picocli.CommandLine.Command.class)) {
                commands.add(name);
            }
        }
        return commands;
    }

    @Test
    void theJsonOutputLoadsJackson() throws Exception {
        List<String> loaded = classesLoadedBy(List.of("session", "list", "-o", "json"));
        assertTrue(loaded.contains(JACKSON + "ObjectMapper"), "no ObjectMapper in " + loaded.size() + " classes");
    }

    private List<String> classesLoadedBy(List<String> args) throws Exception {
        Path log = Files.createTempFile(dir, "classes", ".log");
        Map<String, String> env = new HashMap<>(Dist.isolatedEnv(dir));
        env.put("ROLEHOP_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        List<String> command = new ArrayList<>();
        command.add(Dist.launcher().toString());
        command.addAll(args);
        Dist.Result result = Dist.run(dir, command, env);
        assertEquals(0, result.code(), result.toString());
        return Files.readAllLines(log).stream()
                .filter(l -> l.contains(" source: "))
                .map(l -> {
                    String rest = l.substring(l.indexOf("] ", l.indexOf("class,load")) + 2);
                    return rest.substring(0, rest.indexOf(' '));
                })
                .toList();
    }
}
