package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.testing.AwsCli;
import io.rolehop.testing.Botocore;
import io.rolehop.testing.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credential_process line rolehop writes is read the same by botocore (the AWS CLI: shlex, no shell), by
 * {@code sh -c} (the SDKs for Java, Go and JavaScript) and by the AWS SDK for Java's profile parser and
 * ProcessCredentialsProvider, whatever characters the distribution's or rolehop home's paths hold; nothing in a path
 * is ever executed; a line no quoting can make safe, or a profile name the Java SDK ignores, is refused.
 */
class CredentialProcessLineIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A directory name that runs commands if a shell ever evaluates it, and that Java's parser would cut at ' #'. */
    private static final String HOSTILE = "inst $(touch pwned) `touch pwned2` 'q\" #c ;d $HOME";

    // Reads a profile with the AWS SDK for Java v2, in its own JVM on the distribution's own SDK jars.
    private static final String JAVA_SDK_PROBE = String.join(
            "\n",
            "import software.amazon.awssdk.auth.credentials.*;",
            "import software.amazon.awssdk.profiles.ProfileFile;",
            "public class JavaSdkProbe {",
            "    public static void main(String[] a) {",
            "        String line = ProfileFile.defaultProfileFile().profile(a[0]).orElseThrow()",
            "                .property(\"credential_process\").orElseThrow();",
            "        System.out.println(\"line=\" + line);",
            "        System.out.println(\"profile=\" + ProfileCredentialsProvider.create(a[0]).resolveCredentials()",
            "                .accessKeyId());",
            "        System.out.println(\"process=\" + ProcessCredentialsProvider.builder().command(line).build()",
            "                .resolveCredentials().accessKeyId());",
            "    }",
            "}",
            "");

    static MotoServer.IamUser heidi;

    @TempDir
    Path dir;

    @BeforeAll
    static void createRole() {
        heidi = MOTO.createUser("heidi");
        MOTO.createRole("line-role", heidi.arn());
    }

    @Test
    void aDistributionUnderAHostileDirectoryIsRunThroughTheStableLinkByEveryReader() throws Exception {
        Path launcher = Dist.copyTo(dir.resolve(HOSTILE)).resolve("bin/rolehop");
        Map<String, String> env = env(dir.resolve("rolehop"));
        addAndStart(launcher, env);

        String line = line(env);
        assertEveryReaderGetsTheSameCredentials(env, line);
        Path link = dir.resolve("rolehop/bin/rolehop");
        assertTrue(line.startsWith(link + " session generate "), line);
        assertEquals(launcher, Files.readSymbolicLink(link));
    }

    @Test
    void aHostileRolehopHomeIsQuotedSoEveryReaderRunsTheSameLauncher() throws Exception {
        Path home = dir.resolve("home $(touch pwned) `touch pwned2` 'q' \"d\" $HOME;x\\y");
        Map<String, String> env = env(home);
        addAndStart(Dist.launcher(), env);

        String line = line(env);
        assertTrue(line.startsWith("'"), line);
        assertEveryReaderGetsTheSameCredentials(env, line);
    }

    @Test
    void aRolehopHomeNoQuotingServesIsRefusedAndNothingIsWritten() throws Exception {
        Map<String, String> env = env(dir.resolve("home #comment"));
        Dist.addUserAndRole(dir, Dist.launcher(), env, heidi, "line-role", "line");
        Dist.Result start = run(Dist.launcher(), env, "session", "start", "role", "--mode", "credential-process");
        assertEquals(2, start.code(), start.toString());
        assertEquals(1, start.err().lines().count(), start.toString());
        assertTrue(
                start.err()
                        .startsWith("rolehop: cannot write a credential_process line that runs the launcher '"
                                + dir.resolve("home #comment/bin/rolehop")
                                + "': the AWS SDK for Java reads a blank followed by '#'"),
                start.toString());
        assertFalse(Files.exists(Path.of(env.get("AWS_CONFIG_FILE"))), "no config file was written");
    }

    @Test
    void aProfileNameTheJavaSdkIgnoresIsRefused() throws Exception {
        Map<String, String> env = env(dir.resolve("rolehop"));
        Dist.Result user = Dist.run(
                dir,
                List.of(
                        Dist.launcher().toString(),
                        "session",
                        "add",
                        "aws-iam-user",
                        "--alias",
                        "heidi",
                        "--access-key-id",
                        heidi.accessKeyId(),
                        "--secret-access-key-stdin",
                        "--profile",
                        "team=prod"),
                env,
                heidi.secretAccessKey() + "\n");
        assertEquals(2, user.code(), user.toString());
        assertEquals(
                "rolehop: invalid profile name 'team=prod': the AWS SDK for Java ignores a profile whose name"
                        + " holds '='; use letters, digits and ._-@+",
                user.err().strip());
    }

    @Test
    void theLineSurvivesMovingTheDistributionOnceAnyCommandRunsFromItsNewPlace() throws Exception {
        Path first = Dist.copyTo(dir.resolve("first")).resolve("bin/rolehop");
        Map<String, String> env = env(dir.resolve("rolehop"));
        addAndStart(first, env);
        String line = line(env);

        Path second = Dist.copyTo(dir.resolve("second")).resolve("bin/rolehop");
        deleteTree(dir.resolve("first")); // a move, an upgrade into a new directory, or mvn clean and a new build
        assertFalse(
                new AwsCli(env)
                        .run("sts", "get-caller-identity", "--profile", "role")
                        .succeeded(),
                "the old launcher is gone");
        assertEquals(0, run(second, env, "session", "list").code());

        assertEquals(line, line(env), "the line itself never changes");
        assertEquals(MotoServer.assumedRoleArn("line-role", "line"), new AwsCli(env).callerArn("role"));
    }

    private void assertEveryReaderGetsTheSameCredentials(Map<String, String> env, String line) throws Exception {
        // botocore (shlex.split, no shell), as the AWS CLI runs it against moto.
        assertEquals(MotoServer.assumedRoleArn("line-role", "line"), new AwsCli(env).callerArn("role"));
        Dist.Result python = Dist.run(
                dir,
                List.of(
                        "python3",
                        "-c",
                        "import botocore.session; print(botocore.session"
                                + ".Session(profile='role').get_credentials().get_frozen_credentials().access_key)"),
                env);
        assertEquals(0, python.code(), python.toString());
        String botocore = python.out().strip();

        // sh -c, as the SDKs for Java, Go and JavaScript run it.
        Dist.Result shell = Dist.run(dir, List.of("sh", "-c", line), env);
        assertEquals(0, shell.code(), shell.toString());
        String sh = JSON.readTree(shell.out()).get("AccessKeyId").asText();

        // The AWS SDK for Java: its profile parser, ProfileCredentialsProvider and ProcessCredentialsProvider.
        Path probe = dir.resolve("probe/JavaSdkProbe.java");
        Files.createDirectories(probe.getParent());
        Files.writeString(probe, JAVA_SDK_PROBE);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Dist.Result sdk =
                Dist.run(dir, List.of(java, "-cp", Dist.home().resolve("lib") + "/*", probe.toString(), "role"), env);
        assertEquals(0, sdk.code(), sdk.toString());
        assertTrue(sdk.out().contains("line=" + line + "\n"), "the Java SDK reads the whole line: " + sdk);

        assertTrue(botocore.startsWith("ASIA"), botocore);
        assertEquals(botocore, sh);
        assertTrue(sdk.out().contains("profile=" + botocore + "\n"), sdk.toString());
        assertTrue(sdk.out().contains("process=" + botocore + "\n"), sdk.toString());
        assertNothingWasExecuted();
    }

    private void assertNothingWasExecuted() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> planted = files.filter(f -> f.getFileName().toString().startsWith("pwned"))
                    .toList();
            assertEquals(List.of(), planted, "a path was run as a command");
        }
    }

    private Map<String, String> env(Path rolehopHome) {
        Map<String, String> env = new HashMap<>(Dist.isolatedEnv(dir));
        env.putAll(MOTO.env());
        env.put("ROLEHOP_HOME", rolehopHome.toString());
        return env;
    }

    private void addAndStart(Path launcher, Map<String, String> env) throws IOException {
        Dist.addUserAndRole(dir, launcher, env, heidi, "line-role", "line");
        Dist.Result start = run(launcher, env, "session", "start", "role", "--mode", "credential-process");
        assertEquals(0, start.code(), start.toString());
    }

    private static String line(Map<String, String> env) {
        Path config = Path.of(env.get("AWS_CONFIG_FILE"));
        return (String) Botocore.rawConfigParse(config).get("profile role").get("credential_process");
    }

    private Dist.Result run(Path launcher, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        return Dist.run(dir, command, env);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(file);
            }
        }
    }
}
