package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full command's class data sharing archive ({@code lib/rolehop.jsa}, made by {@code cds/train.sh full} from the
 * command lines of {@code cds/commands.txt}; see docs/performance.md, "Class data sharing") covers the everyday
 * commands: each loads rolehop's own classes from the archive, not from the jars, bar the few that class data sharing
 * cannot hold (those whose supertypes are picocli's Java 5 classes). A training run that stopped covering a command
 * would leave a hundred or more of them to the jars.
 */
class StartupArchiveIT {
    /** Classes of rolehop a command may load from its jars: picocli's old class files keep their subtypes out. */
    private static final int FROM_JARS_AT_MOST = 25;

    @TempDir
    Path dir;

    @Test
    void theEverydayCommandsLoadRolehopsClassesFromTheArchive() throws Exception {
        assumeTrue(Files.exists(Dist.home().resolve("lib/rolehop.jsa")), "built with -Drolehop.cds.skip");
        Path home = dir.resolve("rolehop");
        copy(Dist.home().resolve("cds/warm"), home);
        List<List<String>> commands = List.of(
                List.of("--version"),
                List.of("session", "list"),
                List.of("session", "tree"),
                List.of("profile", "list"),
                List.of("session", "stop", "cds-role"),
                List.of("session", "start", "cds-role"),
                List.of("secrets", "status"));
        for (List<String> args : commands) {
            Path log = Files.createTempFile(dir, "classes", ".log");
            Map<String, String> env = new HashMap<>(Dist.isolatedEnv(dir));
            env.put("ROLEHOP_HOME", home.toString());
            env.put("ROLEHOP_SECRET_STORE", "encrypted-file");
            env.put("ROLEHOP_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
            List<String> command = new ArrayList<>();
            command.add(Dist.launcher().toString());
            command.addAll(args);
            Dist.Result result = Dist.run(dir, command, env);
            assertEquals(0, result.code(), result.toString());
            List<String> rolehop = Files.readAllLines(log).stream()
                    .filter(l -> l.contains(" io.rolehop."))
                    .toList();
            List<String> fromJars = rolehop.stream()
                    .filter(l -> !l.contains("shared objects file"))
                    .toList();
            String named = "rolehop " + String.join(" ", args);
            System.out.println(named + ": " + rolehop.size() + " rolehop classes, " + fromJars.size() + " from jars");
            assertTrue(rolehop.size() > fromJars.size() * 4L, named + " loaded too few from the archive: " + fromJars);
            assertTrue(fromJars.size() <= FROM_JARS_AT_MOST, named + " loaded from its jars: " + fromJars);
        }
    }

    @Test
    void aCopyElsewhereLeavesTheArchiveOutAndRunsCommandsItDoesNotHold() throws Exception {
        assumeTrue(Files.exists(Dist.home().resolve("lib/rolehop.jsa")), "built with -Drolehop.cds.skip");
        Path copy = Dist.copyTo(dir.resolve("elsewhere"));
        Path log = dir.resolve("classes.log");
        Map<String, String> env = new HashMap<>(Dist.isolatedEnv(dir));
        env.put("ROLEHOP_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        // import's classes are not in the archive: JDK 17 maps an archive made elsewhere all the same, then refuses a
        // class of an archived package loaded from a jar ("sealing violation"); the launcher leaves it out instead.
        Dist.Result imported = Dist.run(
                dir, List.of(copy.resolve("bin/rolehop").toString(), "import", "aws-config", "--dry-run"), env);
        assertEquals(0, imported.code(), imported.toString());
        assertTrue(
                Files.readAllLines(log).stream()
                        .noneMatch(l -> l.contains(" io.rolehop.") && l.contains("shared objects file (top)")),
                "a copy elsewhere loaded rolehop's classes from the archive made for " + Dist.home());
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }
}
