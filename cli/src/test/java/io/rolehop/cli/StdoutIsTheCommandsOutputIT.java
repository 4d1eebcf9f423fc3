package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.testing.AwsCli;
import io.rolehop.testing.MotoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * stdout carries the command's output and nothing else, whichever class data sharing archive or JDK the launcher
 * finds: an installed (copied) distribution, whose archives were made for another directory, and another JDK, for
 * which they were not made at all. credential_process callers and {@code -o json} readers parse stdout whole.
 */
class StdoutIsTheCommandsOutputIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final ObjectMapper JSON = new ObjectMapper();

    static MotoServer.IamUser erin;

    @TempDir
    Path dir;

    @BeforeAll
    static void createRole() {
        erin = MOTO.createUser("erin");
        MOTO.createRole("stdout-role", erin.arn());
    }

    @Test
    void aCopiedDistributionPrintsOnlyJsonForGenerateAndTheAwsCliReadsIt() throws Exception {
        Path launcher = Dist.copyTo(dir.resolve("installed")).resolve("bin/rolehop");
        assertStdoutParsesEverywhere(launcher, env());
    }

    @Test
    void anotherJdkPrintsOnlyJsonForGenerateAndTheAwsCliReadsIt() throws Exception {
        Optional<Path> otherJdk = anotherJdk();
        assumeTrue(otherJdk.isPresent(), "no JDK other than the build's under /usr/lib/jvm");
        Path launcher = Dist.launcher();
        Map<String, String> env = env();
        env.put("JAVA_HOME", otherJdk.get().toString());
        assertStdoutParsesEverywhere(launcher, env);
    }

    /** generate (full, then warm), list -o json, and the AWS CLI through a credential_process profile. */
    private void assertStdoutParsesEverywhere(Path launcher, Map<String, String> env) throws IOException {
        Dist.addUserAndRole(dir, launcher, env, erin, "stdout-role", "stdout");
        assertOnlyCredentialJson(run(launcher, env, "session", "generate", "role"));
        // Again: now the cached credentials serve, on the launcher's warm path (its own JVM and archive).
        assertOnlyCredentialJson(run(launcher, env, "session", "generate", "role"));
        assertOnlyJsonArray(run(launcher, env, "session", "list", "-o", "json"));

        assertEquals(
                0,
                run(launcher, env, "session", "start", "role", "--mode", "credential-process")
                        .code());
        assertEquals(MotoServer.assumedRoleArn("stdout-role", "stdout"), new AwsCli(env).callerArn("role"));
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(Dist.isolatedEnv(dir));
        env.putAll(MOTO.env());
        return env;
    }

    private Dist.Result run(Path launcher, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        return Dist.run(dir, command, env);
    }

    private static void assertOnlyCredentialJson(Dist.Result result) throws IOException {
        assertEquals(0, result.code(), result.toString());
        JsonNode json = JSON.readTree(result.out());
        assertEquals(1, json.get("Version").asInt(), result.toString());
        assertTrue(json.get("AccessKeyId").asText().startsWith("ASIA"), result.toString());
        assertEquals(1, result.out().lines().count(), "one line of JSON and nothing else: " + result);
        assertTrue(!result.err().contains("cds"), "no class data sharing messages on stderr either: " + result);
    }

    private static void assertOnlyJsonArray(Dist.Result result) throws IOException {
        assertEquals(0, result.code(), result.toString());
        assertTrue(result.out().startsWith("["), result.toString());
        assertTrue(JSON.readTree(result.out()).isArray(), result.toString());
    }

    /** A JDK under /usr/lib/jvm whose major version differs from the one running the build. */
    private static Optional<Path> anotherJdk() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        String own = "JAVA_VERSION=\"" + Runtime.version().feature();
        try (Stream<Path> candidates = Files.list(jvms)) {
            return candidates
                    .filter(p -> Files.isExecutable(p.resolve("bin/java")))
                    .filter(p -> release(p).contains("JAVA_VERSION=\"")
                            && !release(p).contains(own))
                    .sorted()
                    .findFirst();
        }
    }

    private static String release(Path jdk) {
        try {
            return Files.readString(jdk.resolve("release"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
