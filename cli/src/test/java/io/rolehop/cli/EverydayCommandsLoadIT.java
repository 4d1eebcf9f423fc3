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
 * of every command"): a command that prints a table or a line loads no class of Jackson's data binding, nor of the
 * AWS SDK; the JSON output loads Jackson, which shows the check sees what a command loads.
 */
class EverydayCommandsLoadIT {
    private static final List<String> NOT_FOR_TABLES = List.of("com.fasterxml.jackson.databind.", "software.amazon.");

    @TempDir
    Path dir;

    @Test
    void versionHelpAndTablesLoadNeitherJacksonNorTheSdk() throws Exception {
        for (List<String> args : List.of(List.of("--version"), List.of("help"), List.of("session", "list"),
                List.of("session", "tree"), List.of("profile", "list"))) {
            List<String> loaded = classesLoadedBy(args);
            List<String> forbidden = loaded.stream().filter(n -> NOT_FOR_TABLES.stream().anyMatch(n::startsWith))
                    .toList();
            System.out.println("rolehop " + String.join(" ", args) + " loaded " + loaded.size() + " classes");
            assertEquals(List.of(), forbidden, "rolehop " + String.join(" ", args) + " loaded them");
        }
    }

    @Test
    void theJsonOutputLoadsJackson() throws Exception {
        List<String> loaded = classesLoadedBy(List.of("session", "list", "-o", "json"));
        assertTrue(loaded.contains("com.fasterxml.jackson.databind.ObjectMapper"), "no ObjectMapper in " + loaded.size()
                + " classes");
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
        return Files.readAllLines(log).stream().filter(l -> l.contains(" source: ")).map(l -> {
            String rest = l.substring(l.indexOf("] ", l.indexOf("class,load")) + 2);
            return rest.substring(0, rest.indexOf(' '));
        }).toList();
    }
}
