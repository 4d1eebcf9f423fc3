package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.testing.MotoServer;
import io.rolehop.testing.StsProxy;
import io.rolehop.testing.StsProxy.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lean path of {@code session generate} in the assembled distribution, against moto with authentication
 * enforced: a cold chain is refreshed in the warm path's JVM, without the AWS SDK, Guice or picocli, with one
 * {@code AssumeRole} per hop; whatever it cannot do (a passphrase to ask for, an STS failure) the full command does,
 * from what the lean path cached.
 */
class LeanPathIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    static final StsProxy PROXY = new StsProxy(MOTO);

    /**
     * Classes that show the full command ran, or the SDK loaded, in a JVM; and the workspace store, whose object
     * mapper the lean path spares itself (it reads the workspace the warm path checked).
     */
    private static final List<String> FULL_COMMAND = List.of(
            "software.amazon.awssdk.",
            "com.google.inject.",
            "picocli.",
            "io.rolehop.cli.command.RootCommand",
            "io.rolehop.adapters.filesystem.JsonWorkspaceStore");

    private static final Pattern KEY = Pattern.compile("\"AccessKeyId\":\"([^\"]+)\",\"SecretAccessKey\":\"([^\"]+)\","
            + "\"SessionToken\":\"([^\"]+)\",\"Expiration\":\"([^\"]+)\"");

    static MotoServer.IamUser erin;

    @TempDir
    Path dir;

    Map<String, String> env;

    @BeforeAll
    static void createChain() {
        erin = MOTO.createUser("erin");
        MOTO.createRole("lean1", erin.arn());
        MOTO.createRole("lean2", MotoServer.assumedRoleArn("lean1", "lean-hop1"));
    }

    @BeforeEach
    void setUp() throws Exception {
        env = new HashMap<>(Dist.isolatedEnv(dir));
        env.putAll(PROXY.env());
        env.put("ROLEHOP_SECRET_STORE", "encrypted-file");
        ok(rolehop(
                erin.secretAccessKey() + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "erin",
                "--access-key-id",
                erin.accessKeyId(),
                "--secret-access-key-stdin"));
        ok(rolehop(
                "",
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "l1",
                "--assumer",
                "erin",
                "--role-arn",
                MotoServer.roleArn("lean1"),
                "--role-session-name",
                "lean-hop1"));
        ok(rolehop(
                "",
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "l2",
                "--assumer",
                "l1",
                "--role-arn",
                MotoServer.roleArn("lean2"),
                "--role-session-name",
                "lean-hop2"));
        PROXY.reset();
    }

    @Test
    void aColdChainIsRefreshedWithoutTheSdkOneCallPerHop() throws Exception {
        Path log = dir.resolve("classes.log");
        Dist.Result cold = generate("l2", log);

        ok(cold);
        assertEquals("", cold.err(), "the lean path prints nothing but the line");
        assertEquals(MotoServer.assumedRoleArn("lean2", "lean-hop2"), identity(cold.out()));
        assertEquals(2, PROXY.count("AssumeRole"), "one AssumeRole per hop");
        List<String> loaded = Files.readAllLines(log);
        for (String prefix : FULL_COMMAND) {
            assertTrue(
                    loaded.stream().noneMatch(l -> l.contains("] " + prefix)),
                    () -> prefix + " loaded: the full command ran or the SDK was used");
        }
        assertTrue(loaded.stream().anyMatch(l -> l.contains("] io.rolehop.cli.fast.LeanGenerate ")), "lean path");

        Dist.Result warm = generate("l2", dir.resolve("warm.log"));
        ok(warm);
        assertEquals(cold.out(), warm.out(), "the refreshed credentials were cached as the full command caches them");
        assertEquals(2, PROXY.count("AssumeRole"), "a warm generate calls nothing");
        Dist.Result full = rolehop("", "session", "generate", "l2", "--mfa-code", "123456");
        assertEquals(cold.out(), full.out(), "the full command serves the same cached credentials");
    }

    @Test
    void aPassphraseToAskForGoesToTheFullCommand() throws Exception {
        env.remove("ROLEHOP_VAULT_PASSPHRASE");

        Dist.Result r = generate("l1", dir.resolve("classes.log"));

        assertEquals(3, r.code(), r.toString());
        assertTrue(r.err().startsWith("rolehop: ") && r.err().strip().lines().count() == 1, r::toString);
        assertTrue(r.err().contains("ROLEHOP_VAULT_PASSPHRASE"), r::toString);
        assertEquals("", r.out());
        assertEquals(0, PROXY.count("AssumeRole"));
    }

    @Test
    void anStsFailureIsRetriedByTheFullCommandFromWhatTheLeanPathCached() throws Exception {
        // The first hop goes through; the second is throttled once: the lean path gives up (one attempt), the full
        // command reuses the first hop's cached credentials and retries the second.
        Dist.Result first = generate("l1", dir.resolve("first.log"));
        ok(first);
        PROXY.reset();
        PROXY.failNext(1, Fault.throttling());

        Dist.Result r = generate("l2", dir.resolve("classes.log"));

        ok(r);
        assertEquals(MotoServer.assumedRoleArn("lean2", "lean-hop2"), identity(r.out()));
        assertEquals(2, PROXY.count("AssumeRole"), "the throttled attempt and the full command's retry");
        assertTrue(
                Files.readAllLines(dir.resolve("classes.log")).stream()
                        .anyMatch(l -> l.contains("] software.amazon.awssdk.")),
                "the full command made the second call");
    }

    @Test
    void anUnreachableStsIsReportedByTheFullCommandOnOneLine() throws Exception {
        env.put("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:9");

        Dist.Result r = generate("l2", dir.resolve("classes.log"));

        assertEquals(1, r.code(), r.toString());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r::toString);
        assertTrue(r.err().contains("cannot reach STS at http://127.0.0.1:9"), r::toString);
        assertTrue(!r.err().contains(erin.secretAccessKey()), "no secret");
    }

    private Dist.Result generate(String session, Path classLog) throws Exception {
        Map<String, String> withLog = new HashMap<>(env);
        withLog.put("ROLEHOP_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
        return Dist.run(dir, List.of(Dist.launcher().toString(), "session", "generate", session), withLog);
    }

    private static String identity(String credentialProcessLine) {
        Matcher m = KEY.matcher(credentialProcessLine);
        assertTrue(m.find(), credentialProcessLine);
        assertTrue(Instant.parse(m.group(4)).isAfter(Instant.now()), credentialProcessLine);
        return MOTO.callerIdentity(new io.rolehop.domain.TemporaryCredentials(
                m.group(1), m.group(2), m.group(3), Instant.parse(m.group(4))));
    }

    private Dist.Result rolehop(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Dist.launcher().toString());
        command.addAll(List.of(args));
        return Dist.run(dir, command, env, stdin);
    }

    private static void ok(Dist.Result r) {
        assertEquals(0, r.code(), r::toString);
    }
}
