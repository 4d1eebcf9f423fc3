package io.rolehop.cli.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rolehop.application.InteractionRequiredException;
import io.rolehop.application.OperationFailedException;
import io.rolehop.application.port.in.ServeCredentialsUseCase;
import io.rolehop.domain.SessionRef;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.domain.UnknownSessionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A credential server on the loopback interface, on the JDK's HTTP server (which parses HTTP; this class only routes
 * and answers).
 *
 * <ul>
 *   <li>The container credentials protocol: {@code GET /sessions/ALIAS} with the token in {@code Authorization}
 *       answers {@code {"AccessKeyId","SecretAccessKey","Token","Expiration"}}, what every AWS SDK reads from
 *       {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}.</li>
 *   <li>IMDSv2, when asked for: {@code PUT /latest/api/token}, then
 *       {@code GET /latest/meta-data/iam/security-credentials/} and {@code .../ROLE} with
 *       {@code X-aws-ec2-metadata-token}; ROLE is the one session served.</li>
 * </ul>
 *
 * <p>Every request must name the loopback address or {@code localhost} in its {@code Host} header (a web page whose
 * name an attacker re-points at 127.0.0.1 sends its own name: DNS rebinding). Tokens are compared in constant time.
 * The log names the session and the reason of a refusal or failure, never a token or a credential. Answers come from
 * {@link ServeCredentialsUseCase}, which never prompts: a session that needs an MFA code answers 503.
 */
public final class CredentialServer implements AutoCloseable {
    /** The IMDSv2 limit on a token's lifetime. */
    static final long MAX_IMDS_TOKEN_SECONDS = 21_600;

    private static final int THREADS = 8;
    private static final int BACKLOG = 256;
    private static final String SESSIONS = "/sessions/";
    private static final String IMDS_TOKEN = "/latest/api/token";
    private static final String IMDS_ROLES = "/latest/meta-data/iam/security-credentials/";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a served child must not see: keys, and what would turn the server off or point elsewhere. */
    private static final List<String> CLEARED = List.of(
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_SECURITY_TOKEN",
            "AWS_CREDENTIAL_EXPIRATION",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
            "AWS_EC2_METADATA_DISABLED",
            "AWS_EC2_METADATA_SERVICE_ENDPOINT",
            "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE");

    /** What a server offers. */
    public enum Protocol {
        /** The container credentials protocol only. */
        CONTAINER,
        /** IMDSv2 besides the container credentials protocol. */
        EC2
    }

    static {
        // The JDK's server writes the headers and the body of an answer apart; with Nagle's algorithm the body then
        // waits for the client's delayed acknowledgement, some 40 ms on Linux (see docs/performance.md). Read once,
        // when the JDK's server is first used.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final ServeCredentialsUseCase serve;
    private final Optional<String> only;
    private final String token;
    private final Protocol protocol;
    private final Clock clock;
    private final PrintStream log;
    private final HttpServer http;
    private final ExecutorService executor;
    /** IMDSv2 tokens issued, by the hex SHA-256 of the token, with their expiry. */
    private final Map<String, Instant> imdsTokens = new ConcurrentHashMap<>();

    private CredentialServer(
            ServeCredentialsUseCase serve,
            Optional<String> only,
            String token,
            Protocol protocol,
            Clock clock,
            PrintStream log,
            int port)
            throws IOException {
        this.serve = Objects.requireNonNull(serve, "serve");
        this.only = Objects.requireNonNull(only, "only");
        this.token = Objects.requireNonNull(token, "token");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        AtomicInteger threads = new AtomicInteger();
        this.executor =
                new ThreadPoolExecutor(THREADS, THREADS, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "rolehop-server-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
    }

    /**
     * Starts a server on 127.0.0.1 for every session of the workspace, at {@code /sessions/ALIAS} (or id).
     *
     * @param port the port, 0 for any free one
     */
    public static CredentialServer forAllSessions(
            ServeCredentialsUseCase serve, String token, Clock clock, PrintStream log, int port) throws IOException {
        return new CredentialServer(serve, Optional.empty(), token, Protocol.CONTAINER, clock, log, port);
    }

    /** Starts a server on 127.0.0.1, on a free port, for the one session {@code alias}. */
    public static CredentialServer forSession(
            ServeCredentialsUseCase serve, String alias, Protocol protocol, String token, Clock clock, PrintStream log)
            throws IOException {
        return new CredentialServer(serve, Optional.of(alias), token, protocol, clock, log, 0);
    }

    /** A fresh random token of 256 bits. */
    public static String newToken() {
        return Secrets.newToken();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash. */
    public String base() {
        return "http://" + http.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    /** The container credentials URI of {@code alias}. */
    public String sessionUri(String alias) {
        return base() + SESSIONS + encode(alias);
    }

    /**
     * Points a child's AWS SDKs at this server for the one session it serves: takes the keys and any other
     * credential source out of {@code childEnv}, and puts in this server's address (and token).
     */
    public void pointAt(Map<String, String> childEnv) {
        String alias = only.orElseThrow(() -> new IllegalStateException("a server for every session has no child"));
        CLEARED.forEach(childEnv::remove);
        if (protocol == Protocol.EC2) {
            childEnv.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", base());
            childEnv.put("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv4");
        } else {
            childEnv.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", sessionUri(alias));
            childEnv.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", token);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
            Optional<String> host =
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host"));
            if (host.isEmpty() || !isLoopback(host.get())) {
                refuse(
                        exchange,
                        403,
                        "the Host header must be 127.0.0.1 or localhost; a request naming another host"
                                + " is refused");
                return;
            }
            // A client given an endpoint with a trailing slash may ask for "//latest/...".
            String path = exchange.getRequestURI().getPath().replaceFirst("^/+", "/");
            if (path.startsWith(SESSIONS)) {
                container(exchange, path.substring(SESSIONS.length()));
            } else if (protocol == Protocol.EC2 && path.startsWith("/latest/")) {
                imds(exchange, path);
            } else {
                refuse(exchange, 404, "no such path; credentials are at /sessions/ALIAS");
            }
        } catch (RuntimeException e) {
            log.println("rolehop: server: " + e.getClass().getSimpleName() + " while answering a request");
        }
    }

    private void container(HttpExchange exchange, String session) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            refuse(exchange, 405, "only GET is answered");
            return;
        }
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        if (given == null || !Secrets.matches(given, token)) {
            log.println("rolehop: server: refused a request " + (given == null ? "without" : "with a wrong")
                    + " authorization token");
            refuse(
                    exchange,
                    given == null ? 401 : 403,
                    given == null
                            ? "an Authorization header with the server's token is needed"
                            : "the Authorization token is not this server's");
            return;
        }
        if (session.isEmpty() || only.isPresent() && !only.get().equals(session)) {
            refuse(exchange, 404, "no session '" + session + "' is served here");
            return;
        }
        credentials(exchange, session, false);
    }

    private void imds(HttpExchange exchange, String path) throws IOException {
        if (IMDS_TOKEN.equals(path)) {
            issueImdsToken(exchange);
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            refuse(exchange, 405, "only GET is answered");
            return;
        }
        if (!validImdsToken(exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token"))) {
            refuse(exchange, 401, "a valid X-aws-ec2-metadata-token is needed (IMDSv2: PUT " + IMDS_TOKEN + " first)");
            return;
        }
        String alias = only.orElseThrow();
        String rawPath = exchange.getRequestURI().getRawPath().replaceFirst("^/+", "/");
        if (path.equals(IMDS_ROLES) || path.equals(IMDS_ROLES.substring(0, IMDS_ROLES.length() - 1))) {
            answer(exchange, 200, "text/plain", encode(alias).getBytes(StandardCharsets.UTF_8));
        } else if (rawPath.equals(IMDS_ROLES + encode(alias)) || rawPath.equals(IMDS_ROLES + encode(alias) + "/")) {
            credentials(exchange, alias, true);
        } else {
            answer(exchange, 404, "text/plain", "Not Found".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void issueImdsToken(HttpExchange exchange) throws IOException {
        if (!"PUT".equals(exchange.getRequestMethod())) {
            refuse(exchange, 405, "a token is issued to PUT only");
            return;
        }
        if (exchange.getRequestHeaders().containsKey("X-Forwarded-For")) {
            // As the real IMDS does: a request that went through a proxy gets no token.
            refuse(exchange, 403, "a request forwarded by a proxy gets no token");
            return;
        }
        String ttl = exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token-ttl-seconds");
        long seconds;
        try {
            seconds = Long.parseLong(ttl == null ? "" : ttl.strip());
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        if (seconds < 1 || seconds > MAX_IMDS_TOKEN_SECONDS) {
            refuse(exchange, 400, "X-aws-ec2-metadata-token-ttl-seconds must be 1 to " + MAX_IMDS_TOKEN_SECONDS);
            return;
        }
        Instant now = clock.instant();
        imdsTokens.values().removeIf(expiry -> !expiry.isAfter(now));
        String issued = Secrets.newToken();
        imdsTokens.put(HexFormat.of().formatHex(Secrets.sha256(issued)), now.plusSeconds(seconds));
        exchange.getResponseHeaders().set("X-aws-ec2-metadata-token-ttl-seconds", Long.toString(seconds));
        answer(exchange, 200, "text/plain", issued.getBytes(StandardCharsets.UTF_8));
    }

    private boolean validImdsToken(String given) {
        if (given == null) {
            return false;
        }
        Instant expiry = imdsTokens.get(HexFormat.of().formatHex(Secrets.sha256(given)));
        return expiry != null && expiry.isAfter(clock.instant());
    }

    private void credentials(HttpExchange exchange, String session, boolean imds) throws IOException {
        TemporaryCredentials credentials;
        try {
            credentials = serve.serve(SessionRef.of(session));
        } catch (UnknownSessionException e) {
            refuse(exchange, 404, e.getMessage());
            return;
        } catch (InteractionRequiredException e) {
            log.println("rolehop: server: session '" + session + "' unavailable: " + e.getMessage());
            refuse(
                    exchange,
                    503,
                    e.getMessage() + "; start it once on a terminal ('rolehop session start " + session
                            + "'), which caches what the server then uses");
            return;
        } catch (OperationFailedException e) {
            log.println("rolehop: server: session '" + session + "' failed: " + e.getMessage());
            refuse(exchange, 502, e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.println("rolehop: server: session '" + session + "' failed: " + e.getMessage());
            refuse(exchange, 500, e.getMessage());
            return;
        }
        Map<String, String> document = new LinkedHashMap<>();
        if (imds) {
            document.put("Code", "Success");
            document.put(
                    "LastUpdated",
                    clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
            document.put("Type", "AWS-HMAC");
        }
        document.put("AccessKeyId", credentials.accessKeyId());
        document.put("SecretAccessKey", credentials.secretAccessKey());
        document.put("Token", credentials.sessionToken());
        document.put(
                "Expiration",
                credentials.expiration().truncatedTo(ChronoUnit.SECONDS).toString());
        answer(exchange, 200, "application/json", JSON.writeValueAsBytes(document));
    }

    private static void refuse(HttpExchange exchange, int status, String message) throws IOException {
        Map<String, String> document = Map.of("code", Integer.toString(status), "message", message);
        answer(exchange, status, "application/json", JSON.writeValueAsBytes(document));
    }

    private static void answer(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try {
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a {@code Host} header names this machine's loopback interface: {@code 127.0.0.1}, {@code localhost}
     * or {@code [::1]}, with or without a port.
     */
    static boolean isLoopback(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end > 0 && name.substring(0, end + 1).equals("[::1]") && validPort(name.substring(end + 1));
        }
        int colon = name.indexOf(':');
        String bare = colon < 0 ? name : name.substring(0, colon);
        return (bare.equals("127.0.0.1") || bare.equals("localhost"))
                && validPort(colon < 0 ? "" : name.substring(colon));
    }

    private static boolean validPort(String rest) {
        return rest.isEmpty() || rest.matches(":[0-9]{1,5}");
    }

    static String encode(String alias) {
        return URLEncoder.encode(alias, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
