package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.application.fakes.MutableClock;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.testing.MotoServer;
import io.rolehop.testing.StsProxy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;

/**
 * The credential servers of {@code exec --server}, {@code exec --ec2-server} and {@code serve}, run through the real
 * command line in-process against moto_server with authentication enforced, read by the real clients: the AWS CLI
 * and botocore (as children of {@code exec}), and the AWS SDK for Java's container and instance-profile providers.
 * STS calls are counted at a proxy in front of moto; expiry is driven by a clock the test moves.
 */
class CredentialServersTest {
    @RegisterExtension
    @Order(1)
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    @Order(2)
    static final StsProxy STS = new StsProxy(MOTO);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE_ARN_SEEN = MotoServer.assumedRoleArn("served-role", "served");
    static MotoServer.IamUser alice;

    @TempDir
    Path dir;

    CliHarness cli;
    MutableClock clock;
    Serving serving;

    @BeforeAll
    static void createRoles() {
        alice = MOTO.createUser("server-alice");
        MOTO.createRole("served-role", alice.arn());
    }

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.now());
        cli = new CliHarness(dir).env(STS.env()).clock(clock);
        ok(cli.runWithStdin(
                alice.secretAccessKey() + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "alice",
                "--profile",
                "alice",
                "--access-key-id",
                alice.accessKeyId(),
                "--secret-access-key-stdin"));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "r1",
                "--assumer",
                "alice",
                "--profile",
                "p1",
                "--role-arn",
                MotoServer.roleArn("served-role"),
                "--role-session-name",
                "served"));
        STS.reset();
    }

    @AfterEach
    void stopServing() throws InterruptedException {
        if (serving != null) {
            serving.stop();
        }
    }

    // ---- exec --server and --ec2-server: the child's own clients --------------------------------------------------

    @Test
    void execServerGivesTheAwsCliCredentialsThroughFullUriAndNoKeys() {
        CliHarness.Result r = cli.run(
                "exec",
                "--server",
                "r1",
                "--",
                "sh",
                "-c",
                "aws sts get-caller-identity --query Arn --output text && env");
        assertEquals(0, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(ROLE_ARN_SEEN, lines.get(0));
        assertTrue(
                lines.stream().anyMatch(l -> l.startsWith("AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:")),
                r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("AWS_CONTAINER_AUTHORIZATION_TOKEN=")), r.out());
        assertFalse(
                lines.stream()
                        .anyMatch(l -> l.startsWith("AWS_ACCESS_KEY_ID=")
                                || l.startsWith("AWS_SECRET_ACCESS_KEY=")
                                || l.startsWith("AWS_SESSION_TOKEN=")),
                r.out());
        assertEquals(1, STS.count("AssumeRole"), STS.counts().toString());
    }

    @Test
    void theServerOfExecStopsWithTheCommand() throws Exception {
        CliHarness.Result r = cli.run(
                "exec", "--server", "r1", "--", "sh", "-c", "printf '%s' \"$AWS_CONTAINER_CREDENTIALS_FULL_URI\"");
        assertEquals(0, r.code(), r.toString());
        URI uri = URI.create(r.out());
        assertThrows(
                ConnectException.class,
                () -> new Socket(InetAddress.getLoopbackAddress(), uri.getPort()).close(),
                "nothing listens on " + uri + " once the command has ended");
    }

    @Test
    void botocoreReadsTheContainerProviderThroughFullUri() {
        CliHarness.Result r = cli.run("exec", "--server", "r1", "--", "python3", "-c", """
                import botocore.session
                s = botocore.session.get_session()
                c = s.get_credentials()
                print(c.method)
                print(s.create_client('sts').get_caller_identity()['Arn'])
                """);
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of("container-role", ROLE_ARN_SEEN), r.out().lines().toList());
    }

    @Test
    void execEc2ServerAnswersImdsV2ToTheAwsCliAndBotocore() {
        CliHarness.Result r = cli.run(
                "exec",
                "--ec2-server",
                "r1",
                "--",
                "sh",
                "-c",
                "aws sts get-caller-identity --query Arn --output text && python3 -c \"import botocore.session;"
                        + " print(botocore.session.get_session().get_credentials().method)\" && env");
        assertEquals(0, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(ROLE_ARN_SEEN, lines.get(0));
        assertEquals("iam-role", lines.get(1));
        assertTrue(lines.contains("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv4"), r.out());
        assertFalse(
                lines.stream()
                        .anyMatch(
                                l -> l.startsWith("AWS_EC2_METADATA_DISABLED=") || l.startsWith("AWS_ACCESS_KEY_ID=")),
                r.out());
    }

    @Test
    void theJavaSdksInstanceProfileProviderReadsTheEc2ServerOfExec() throws Exception {
        Path endpointFile = dir.resolve("endpoint");
        Path stop = dir.resolve("stop");
        AtomicReference<CliHarness.Result> result = new AtomicReference<>();
        Thread exec = new Thread(() -> result.set(cli.run(
                "exec",
                "--ec2-server",
                "r1",
                "--",
                "sh",
                "-c",
                "printf '%s' \"$AWS_EC2_METADATA_SERVICE_ENDPOINT\" > " + endpointFile + ".tmp && mv " + endpointFile
                        + ".tmp " + endpointFile + " && while [ ! -e " + stop + " ]; do sleep 0.05; done")));
        exec.start();
        try {
            String endpoint = awaitFile(endpointFile, exec, result);
            try (InstanceProfileCredentialsProvider provider = InstanceProfileCredentialsProvider.builder()
                    .endpoint(endpoint)
                    .build()) {
                assertEquals(ROLE_ARN_SEEN, MOTO.callerIdentity(domain(provider.resolveCredentials())));
            }
        } finally {
            Files.writeString(stop, "");
            exec.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertEquals(0, result.get().code(), result.get().toString());
    }

    // ---- serve -------------------------------------------------------------------------------------------------

    @Test
    void serveAnswersTheJavaSdksContainerProviderForEverySession() throws Exception {
        serving = serve();
        System.setProperty("aws.containerCredentialsFullUri", serving.uri("r1").toString());
        System.setProperty("aws.containerAuthorizationToken", serving.token());
        try (ContainerCredentialsProvider provider =
                ContainerCredentialsProvider.builder().build()) {
            assertEquals(ROLE_ARN_SEEN, MOTO.callerIdentity(domain(provider.resolveCredentials())));
        } finally {
            System.clearProperty("aws.containerCredentialsFullUri");
            System.clearProperty("aws.containerAuthorizationToken");
        }
        // The IAM user is served too, as the session token its keys are exchanged for, never the keys.
        Response user = serving.get("alice", serving.token());
        assertEquals(200, user.statusCode(), user.body());
        assertNotEquals(
                alice.accessKeyId(),
                JSON.readTree(user.body()).get("AccessKeyId").asText());
        assertFalse(user.body().contains(alice.secretAccessKey()));
    }

    @Test
    void serveWritesItsTokenPrivatelyPrintsTheVariablesAndRemovesTheTokenWhenStopped() throws Exception {
        serving = serve();
        Path tokenFile = cli.rolehopHome().resolve("server.token");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(tokenFile));
        assertTrue(serving.token().length() >= 43, "at least 256 bits, base64url");
        try (var files = Files.list(cli.rolehopHome())) {
            assertEquals(
                    List.of(),
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.contains("rolehop-tmp"))
                            .toList());
        }
        int port = serving.port;
        String token = serving.token();
        CliHarness.Result result = serving.stop();
        serving = null;
        assertEquals(0, result.code(), result.toString());
        assertFalse(Files.exists(tokenFile), "the token of a stopped server is removed");
        assertTrue(
                result.out().contains("export AWS_CONTAINER_AUTHORIZATION_TOKEN=\"$(cat '" + tokenFile + "')\""),
                result.out());
        assertTrue(
                result.out().contains("AWS_CONTAINER_CREDENTIALS_FULL_URI='http://127.0.0.1:" + port + "/sessions/r1'"),
                result.out());
        assertFalse(result.out().contains(token), "the token itself is never printed");
    }

    @Test
    void aHundredConcurrentRequestsForOneSessionCauseOneStsCall() throws Exception {
        serving = serve();
        int requests = 128;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(requests);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return serving.get("r1", serving.token());
                }));
            }
            Set<String> keys = new java.util.HashSet<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertEquals(200, response.statusCode(), response.body());
                keys.add(field(response.body(), "AccessKeyId"));
            }
            assertEquals(1, keys.size(), "every request got the same credentials");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, STS.count("AssumeRole"), STS.counts().toString());
        assertEquals(1, STS.total(), STS.counts().toString());
    }

    @Test
    void credentialsAreRefreshedBeforeTheyExpireAndAClientNeverSeesExpiredOnes() throws Exception {
        serving = serve();
        JsonNode first = JSON.readTree(serving.ok("r1"));
        Instant firstExpiry = Instant.parse(first.get("Expiration").asText());
        assertEquals(first.get("AccessKeyId"), JSON.readTree(serving.ok("r1")).get("AccessKeyId"));
        assertEquals(1, STS.count("AssumeRole"), "the second answer came from the cache");

        // A second before the refresh margin (15 minutes by default) the cached credentials still serve ...
        clock.set(firstExpiry.minus(Duration.ofMinutes(15)).minusSeconds(1));
        assertEquals(first.get("AccessKeyId"), JSON.readTree(serving.ok("r1")).get("AccessKeyId"));
        assertEquals(1, STS.count("AssumeRole"));

        // ... and two seconds later they no longer do: the server gets new ones before handing anything out.
        clock.advance(Duration.ofSeconds(2));
        JsonNode second = JSON.readTree(serving.ok("r1"));
        assertNotEquals(first.get("AccessKeyId"), second.get("AccessKeyId"));
        assertTrue(Instant.parse(second.get("Expiration").asText()).isAfter(clock.instant()));
        assertFalse(Instant.parse(second.get("Expiration").asText()).isBefore(firstExpiry));
        assertEquals(2, STS.count("AssumeRole"), STS.counts().toString());
        assertEquals(
                ROLE_ARN_SEEN,
                MOTO.callerIdentity(new TemporaryCredentials(
                        second.get("AccessKeyId").asText(),
                        second.get("SecretAccessKey").asText(),
                        second.get("Token").asText(),
                        Instant.parse(second.get("Expiration").asText()))));
    }

    @Test
    void aMissingOrWrongTokenAndAForeignHostAreRefusedWithoutCredentials() throws Exception {
        serving = serve();
        Response none = serving.get("r1", null);
        assertEquals(401, none.statusCode(), none.body());
        Response wrong = serving.get("r1", serving.token().substring(1) + "x");
        assertEquals(403, wrong.statusCode(), wrong.body());
        for (String host : List.of(
                "attacker.example",
                "attacker.example:" + serving.port,
                "127.0.0.1.nip.io",
                "localhost.attacker.example",
                "10.0.0.1",
                "")) {
            String answer = rawGet(serving.port, host, serving.token());
            assertTrue(answer.startsWith("HTTP/1.1 403"), host + ": " + answer);
            assertFalse(answer.contains("AccessKeyId"), answer);
        }
        assertTrue(rawGet(serving.port, "localhost:" + serving.port, serving.token())
                .startsWith("HTTP/1.1 200"));
        assertEquals(404, serving.get("nobody", serving.token()).statusCode());
        assertEquals(1, STS.count("AssumeRole"), "only the one accepted request was answered");
        String token = serving.token();
        CliHarness.Result result = serving.stop();
        serving = null;
        assertFalse(result.err().contains(token), result.err());
        assertFalse(result.err().contains("AccessKeyId"), result.err());
    }

    @Test
    void aSessionThatNeedsAnMfaCodeAnswers503AndNeverPrompts() throws Exception {
        ok(cli.runWithStdin(
                alice.secretAccessKey() + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "mfa-user",
                "--access-key-id",
                alice.accessKeyId(),
                "--secret-access-key-stdin",
                "--mfa-device",
                "arn:aws:iam::" + MotoServer.ACCOUNT_ID + ":mfa/alice"));
        ok(cli.run(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "behind-mfa",
                "--assumer",
                "mfa-user",
                "--role-arn",
                MotoServer.roleArn("served-role"),
                "--role-session-name",
                "served"));
        serving = serve();
        Response answer = serving.get("behind-mfa", serving.token());
        assertEquals(503, answer.statusCode(), answer.body());
        assertTrue(field(answer.body(), "message").contains("MFA code"), answer.body());
        assertEquals(0, STS.total(), STS.counts().toString());
        assertEquals(200, serving.get("r1", serving.token()).statusCode(), "other sessions are still served");
    }

    @Test
    void wrongUseIsOneLineAndTheRightExitCode() throws Exception {
        CliHarness.Result both = cli.run("exec", "--server", "--ec2-server", "r1", "--", "true");
        assertEquals(2, both.code(), both.toString());
        assertEquals(1, both.err().strip().lines().count(), both.err());
        assertEquals(0, STS.total(), "refused before any STS call");
        CliHarness.Result badPort = cli.run("serve", "--port", "70000");
        assertEquals(2, badPort.code(), badPort.toString());
        assertTrue(badPort.err().contains("--port"), badPort.err());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliHarness.Result busy = cli.run("serve", "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(1, busy.code(), busy.toString());
            assertEquals(1, busy.err().strip().lines().count(), busy.err());
            assertTrue(busy.err().contains("taken"), busy.err());
        }
        assertFalse(Files.exists(cli.rolehopHome().resolve("server.token")));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** {@code rolehop serve --port N} in a thread of its own, until {@link Serving#stop}. */
    private Serving serve() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        AtomicReference<CliHarness.Result> result = new AtomicReference<>();
        Thread thread = new Thread(() -> result.set(cli.run("serve", "--port", Integer.toString(port))));
        thread.start();
        String token = awaitFile(cli.rolehopHome().resolve("server.token"), thread, result)
                .strip();
        return new Serving(port, token, thread, result);
    }

    private String awaitFile(Path file, Thread owner, AtomicReference<CliHarness.Result> result) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file)) {
            if (!owner.isAlive()) {
                throw new AssertionError("ended before writing " + file + ": " + result.get());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + file + " after a minute");
            }
            Thread.sleep(10);
        }
        return Files.readString(file);
    }

    final class Serving {
        final int port;
        private final String token;
        private final Thread thread;
        private final AtomicReference<CliHarness.Result> result;

        Serving(int port, String token, Thread thread, AtomicReference<CliHarness.Result> result) {
            this.port = port;
            this.token = token;
            this.thread = thread;
            this.result = result;
        }

        String token() {
            return token;
        }

        URI uri(String alias) {
            return URI.create("http://127.0.0.1:" + port + "/sessions/" + alias);
        }

        Response get(String alias, String authorization) throws IOException {
            HttpURLConnection connection =
                    (HttpURLConnection) uri(alias).toURL().openConnection();
            connection.setConnectTimeout(60_000);
            connection.setReadTimeout(60_000);
            if (authorization != null) {
                connection.setRequestProperty("Authorization", authorization);
            }
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                return new Response(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }

        String ok(String alias) throws IOException {
            Response response = get(alias, token);
            assertEquals(200, response.statusCode(), response.body());
            return response.body();
        }

        CliHarness.Result stop() throws InterruptedException {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(thread.isAlive(), "serve stopped when interrupted");
            return result.get();
        }
    }

    record Response(int statusCode, String body) {}

    /** A request with the Host header given, which java.net.http will not send. */
    private static String rawGet(int port, String host, String token) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /sessions/r1 HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + token
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String field(String json, String name) {
        try {
            return JSON.readTree(json).get(name).asText();
        } catch (IOException e) {
            throw new AssertionError(json, e);
        }
    }

    private static TemporaryCredentials domain(AwsCredentials credentials) {
        AwsSessionCredentials session = (AwsSessionCredentials) credentials;
        return new TemporaryCredentials(
                session.accessKeyId(),
                session.secretAccessKey(),
                session.sessionToken(),
                session.expirationTime().orElse(Instant.now().plus(Duration.ofMinutes(5))));
    }

    private static void ok(CliHarness.Result r) {
        assertEquals(0, r.code(), r.toString());
    }
}
