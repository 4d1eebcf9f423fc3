package io.rolehop.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.fakes.MutableClock;
import io.rolehop.application.port.in.ServeCredentialsUseCase;
import io.rolehop.domain.SessionRef;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.domain.UnknownSessionException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The protocol rules of {@link CredentialServer} that no SDK exercises: IMDSv2 token lifetimes and refusals, the
 * {@code Host} rule in its forms, methods. The session behind it is a hand-written stand-in; the servers on moto
 * with the real clients are in {@code CredentialServersTest}.
 */
class CredentialServerTest {
    private static final String TOKEN = "the-token-of-this-test-server-0123456789abc";
    private static final TemporaryCredentials CREDENTIALS = new TemporaryCredentials(
            "ASIASERVERTEST000001",
            "server-test-secret",
            "server-test-session-token",
            Instant.parse("2030-01-01T00:00:00Z"));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T06:00:00Z"));
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final AtomicInteger served = new AtomicInteger();
    private final ServeCredentialsUseCase useCase = session -> {
        if (!session.equals(SessionRef.of("dev"))) {
            throw new UnknownSessionException("no session named '" + session + "'");
        }
        served.incrementAndGet();
        return CREDENTIALS;
    };
    private CredentialServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    private CredentialServer ec2() throws IOException {
        server = CredentialServer.forSession(
                useCase,
                "dev",
                CredentialServer.Protocol.EC2,
                TOKEN,
                clock,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        return server;
    }

    private String request(String method, String path, Map<String, String> headers) throws IOException {
        Map<String, String> all = new HashMap<>(Map.of("Host", "127.0.0.1:" + server.port()));
        all.putAll(headers);
        StringBuilder text = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        all.forEach(
                (name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
        text.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.getOutputStream().write(text.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    private static String body(String answer) {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }

    private String imdsToken(String ttl) throws IOException {
        String answer = request("PUT", "/latest/api/token", Map.of("X-aws-ec2-metadata-token-ttl-seconds", ttl));
        assertEquals(200, status(answer), answer);
        return body(answer);
    }

    @Test
    void imdsV2AnswersTheOneSessionWithAFreshTokenOnly() throws IOException {
        ec2();
        String roles = "/latest/meta-data/iam/security-credentials/";
        assertEquals(401, status(request("GET", roles + "dev", Map.of())), "IMDSv1 (no token) is refused");
        assertEquals(401, status(request("GET", roles + "dev", Map.of("X-aws-ec2-metadata-token", "made-up"))));
        String token = imdsToken("60");
        String list = request("GET", roles, Map.of("X-aws-ec2-metadata-token", token));
        assertEquals("dev", body(list));
        String answer = request("GET", roles + "dev", Map.of("X-aws-ec2-metadata-token", token));
        assertEquals(200, status(answer), answer);
        assertTrue(
                body(answer)
                        .startsWith("{\"Code\":\"Success\",\"LastUpdated\":\"2026-12-06T06:00:00Z\","
                                + "\"Type\":\"AWS-HMAC\",\"AccessKeyId\":\"ASIASERVERTEST000001\""),
                answer);
        assertTrue(body(answer).endsWith("\"Expiration\":\"2030-01-01T00:00:00Z\"}"), answer);
        assertEquals(404, status(request("GET", roles + "other", Map.of("X-aws-ec2-metadata-token", token))));
        assertEquals(
                404,
                status(request(
                        "GET",
                        "/latest/meta-data/iam/security-credentials-extended/",
                        Map.of("X-aws-ec2-metadata-token", token))),
                "the extended API is absent: SDKs fall back");

        clock.advance(Duration.ofSeconds(60));
        assertEquals(
                401,
                status(request("GET", roles + "dev", Map.of("X-aws-ec2-metadata-token", token))),
                "a token lives as long as it was asked to, on the server's clock");
        assertEquals(1, served.get());
        assertFalse(log.toString(StandardCharsets.UTF_8).contains(token));
    }

    @Test
    void imdsTokensNeedAPutWithinTheLimitsAndNoProxy() throws IOException {
        ec2();
        assertEquals(400, status(request("PUT", "/latest/api/token", Map.of())));
        assertEquals(
                400, status(request("PUT", "/latest/api/token", Map.of("X-aws-ec2-metadata-token-ttl-seconds", "0"))));
        assertEquals(
                400,
                status(request("PUT", "/latest/api/token", Map.of("X-aws-ec2-metadata-token-ttl-seconds", "21601"))));
        assertEquals(
                400,
                status(request("PUT", "/latest/api/token", Map.of("X-aws-ec2-metadata-token-ttl-seconds", "soon"))));
        assertEquals(
                405, status(request("GET", "/latest/api/token", Map.of("X-aws-ec2-metadata-token-ttl-seconds", "60"))));
        assertEquals(
                403,
                status(request(
                        "PUT",
                        "/latest/api/token",
                        Map.of("X-aws-ec2-metadata-token-ttl-seconds", "60", "X-Forwarded-For", "203.0.113.9"))));
        assertEquals(43, imdsToken("21600").length());
    }

    @Test
    void onlyLoopbackHostsAreAnswered() {
        for (String host :
                new String[] {"127.0.0.1", "127.0.0.1:8080", "localhost", "LOCALHOST:1", "[::1]", "[::1]:9911"}) {
            assertTrue(CredentialServer.isLoopback(host), host);
        }
        for (String host : new String[] {
            "",
            "127.0.0.2",
            "localhost.example",
            "127.0.0.1.nip.io",
            "example.com",
            "[::2]",
            "[::1]x",
            "localhost:",
            "localhost:port",
            "127.0.0.1:99999x",
            "0.0.0.0",
            "::1"
        }) {
            assertFalse(CredentialServer.isLoopback(host), host);
        }
    }

    @Test
    void theContainerEndpointOfAOneSessionServerAnswersGetWithItsTokenForThatSessionOnly() throws IOException {
        server = CredentialServer.forSession(
                useCase,
                "dev",
                CredentialServer.Protocol.CONTAINER,
                TOKEN,
                clock,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(405, status(request("POST", "/sessions/dev", Map.of("Authorization", TOKEN))));
        assertEquals(404, status(request("GET", "/sessions/prod", Map.of("Authorization", TOKEN))));
        assertEquals(404, status(request("GET", "/latest/api/token", Map.of())), "no IMDS without --ec2-server");
        assertEquals(403, status(request("GET", "/sessions/dev", Map.of("Authorization", TOKEN + "x"))));
        String answer = request("GET", "/sessions/dev", Map.of("Authorization", TOKEN));
        assertEquals(200, status(answer), answer);
        assertTrue(answer.contains("Cache-Control: no-store") || answer.contains("Cache-control: no-store"), answer);
        assertEquals(
                "{\"AccessKeyId\":\"ASIASERVERTEST000001\",\"SecretAccessKey\":\"server-test-secret\","
                        + "\"Token\":\"server-test-session-token\",\"Expiration\":\"2030-01-01T00:00:00Z\"}",
                body(answer));
        String logged = log.toString(StandardCharsets.UTF_8);
        assertFalse(logged.contains(TOKEN) || logged.contains("server-test-secret"), logged);
    }
}
