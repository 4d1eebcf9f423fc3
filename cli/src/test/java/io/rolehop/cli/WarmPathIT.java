package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.adapters.filesystem.FileCredentialsCache;
import io.rolehop.adapters.filesystem.JsonWorkspaceStore;
import io.rolehop.cli.command.CredentialProcessJson;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.Session;
import io.rolehop.domain.TemporaryCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm path of {@code session generate} in the assembled distribution: it answers from the cache without
 * loading the AWS SDK, Guice, picocli, Jackson, the HTTP stack or any adapter, from the class data sharing archive
 * when the build made one, and hands everything else to the full command.
 */
class WarmPathIT {
    /** Packages whose classes must not load on the warm path (prefixes of class names). */
    private static final List<String> FORBIDDEN = List.of(
            "software.amazon.awssdk.",
            "com.google.inject.",
            "com.google.common.",
            "picocli.",
            "com.fasterxml.jackson.",
            "org.ini4j.",
            "java.net.http.",
            "sun.net.www.protocol.http.",
            "javax.net.ssl.",
            "javax.crypto.",
            "io.rolehop.application.",
            "io.rolehop.adapters.",
            "io.rolehop.cli.wiring.",
            "io.rolehop.cli.plugin.",
            "io.rolehop.cli.terminal.",
            "java.util.ServiceLoader");
    /**
     * A guard against the warm path growing back: it loads about 770 classes, a trivial main about 420 (JDK 17),
     * the full command several thousand.
     */
    private static final int MAX_CLASSES = 1_000;

    @TempDir
    Path dir;

    Map<String, String> env;
    Session role;
    FileCredentialsCache cache;

    @BeforeEach
    void setUp() {
        env = Dist.isolatedEnv(dir);
        // Should the full command run, it must not reach a real STS.
        env.put("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:9");
        Path home = Path.of(env.get("ROLEHOP_HOME"));
        Session root = Session.create(
                Alias.of("alice"),
                AccessMethodId.of("aws-iam-user"),
                NamedProfile.of("alice"),
                Region.of("us-east-1"),
                Optional.empty(),
                Map.of());
        role = Session.create(
                Alias.of("prod"),
                AccessMethodId.of("aws-iam-role-chained"),
                NamedProfile.of("prod"),
                Region.of("eu-west-1"),
                Optional.of(root.id()),
                Map.of("role-arn", "arn:aws:iam::123456789012:role/admin"));
        new JsonWorkspaceStore(home.resolve("workspace.json")).update(w -> {
            w.add(root);
            w.add(role);
            return null;
        });
        cache = new FileCredentialsCache(home.resolve("cache"));
    }

    private Dist.Result generate(Path classLog) throws Exception {
        Map<String, String> withLog = new java.util.HashMap<>(env);
        withLog.put("ROLEHOP_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
        return Dist.run(dir, List.of(Dist.launcher().toString(), "session", "generate", "prod"), withLog);
    }

    @Test
    void warmGenerateLoadsNothingButTheWarmPath() throws Exception {
        TemporaryCredentials credentials = new TemporaryCredentials(
                "ASIAWARMPATH00000001",
                "secret/+x",
                "token/+y==",
                Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MICROS));
        cache.put(role.id().value(), credentials);
        Path classLog = dir.resolve("classes.log");

        Dist.Result r = generate(classLog);

        assertEquals(0, r.code(), r.toString());
        assertEquals(CredentialProcessJson.of(credentials) + "\n", r.out());
        assertEquals("", r.err());
        List<String> loaded = Files.readAllLines(classLog).stream()
                .filter(line -> line.contains(" source: ") || line.contains("class,load"))
                .toList();
        List<String> names = loaded.stream().map(WarmPathIT::className).toList();
        List<String> forbidden = names.stream()
                .filter(name -> FORBIDDEN.stream().anyMatch(name::startsWith))
                .toList();
        System.out.println("warm session generate loaded " + names.size() + " classes ("
                + loaded.stream().filter(l -> l.contains("shared objects file")).count()
                + " from class data sharing archives)");
        assertTrue(forbidden.isEmpty(), "the warm path loaded " + forbidden);
        assertTrue(names.contains("io.rolehop.cli.fast.WarmGenerate"), "the warm path did not run");
        assertTrue(
                names.size() <= MAX_CLASSES,
                "the warm path loaded " + names.size() + " classes, more than " + MAX_CLASSES);
        if (Files.exists(Dist.home().resolve("lib/rolehop-warm.jsa"))) {
            // The archive is trained on a miss that goes as far as the lean path's refused AssumeRole (see
            // cli/src/cds/README.md): the one class that formats an answer is the only one it cannot have seen.
            List<String> fromDisk = loaded.stream()
                    .filter(l -> className(l).startsWith("io.rolehop.") && !l.contains("shared objects file"))
                    .filter(l -> !className(l).equals("io.rolehop.cli.command.CredentialProcessJson"))
                    .toList();
            assertTrue(fromDisk.isEmpty(), "the build's archive should serve rolehop's classes: " + fromDisk);
        }
    }

    @Test
    void expiredCredentialsGoToTheFullCommand() throws Exception {
        cache.put(
                role.id().value(),
                new TemporaryCredentials(
                        "ASIAWARMPATH00000001",
                        "secret/+x",
                        "token/+y==",
                        Instant.now().plus(Duration.ofMinutes(5))));
        Path classLog = dir.resolve("classes.log");

        Dist.Result r = generate(classLog);

        // The full command tried to refresh the chain (it has no keys for alice, and no STS): it ran, and failed.
        assertNotEquals(0, r.code(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("rolehop: "), r.toString());
        assertTrue(Files.readString(classLog).contains("picocli.CommandLine "), "the full command did not run");
    }

    @Test
    void anUnknownSessionGetsTheFullCommandsAnswer() throws Exception {
        Dist.Result r = Dist.run(dir, List.of(Dist.launcher().toString(), "session", "generate", "nobody"), env);
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().contains("nobody"), r.toString());
    }

    /** The class name in a line of {@code -Xlog:class+load}: "[...][info][class,load] NAME source: ...". */
    private static String className(String line) {
        int at = line.indexOf("] ", line.indexOf("class,load"));
        String rest = line.substring(at + 2);
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }
}
