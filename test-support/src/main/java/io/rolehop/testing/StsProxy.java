package io.rolehop.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A small HTTP proxy in front of an STS endpoint (moto), or of any AWS Query API such as IAM's, that forwards every
 * request byte for byte, counts the actions it sees ({@code Action=AssumeRole} and the like, from the form body or the
 * query string), and can answer the next requests, or the next requests for one action, with a fault instead.
 *
 * <p>Requests are forwarded unchanged, {@code Host} header included, because that header is part of the SigV4
 * signature moto checks. Each connection carries one exchange: the proxy answers with {@code Connection: close}, so a
 * client never reuses a connection the proxy has dropped, and the counts equal the client's real attempts.
 *
 * <p>As a JUnit 5 extension, register it after the {@link MotoServer} it fronts:
 * <pre>{@code
 * @RegisterExtension static MotoServer moto = new MotoServer();
 * @RegisterExtension static StsProxy proxy = new StsProxy(moto);
 * }</pre>
 * It starts after moto, resets its counts and pending faults before each test, and stops after the class.
 */
public final class StsProxy implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, AutoCloseable {
    private static final Duration UPSTREAM_READ_TIMEOUT = Duration.ofSeconds(30);

    private final Supplier<URI> upstream;
    private final Optional<MotoServer> moto;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final List<Map<String, String>> received = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Map<String, Deque<Fault>> actionFaults = new LinkedHashMap<>();
    private ServerSocket server;
    private ExecutorService workers;
    private String startedBy;

    /** What to do with one request instead of forwarding it as it is. */
    public abstract static sealed class Fault permits Answer, Delay, Drop, Reset, Pass {
        Fault() {}

        /** Forwards the request as if no fault were queued: queued before a fault, it lets one request through. */
        public static Fault pass() {
            return new Pass();
        }

        /** HTTP 400 with STS's {@code Throttling} error ("Rate exceeded"), which SDKs retry with backoff. */
        public static Fault throttling() {
            return error(400, "Throttling", "Rate exceeded");
        }

        /** HTTP {@code status} with a matching STS error ({@code InternalFailure}, {@code ServiceUnavailable}). */
        public static Fault status(int status) {
            String code = switch (status) {
                case 500 -> "InternalFailure";
                case 502 -> "BadGateway";
                case 503 -> "ServiceUnavailable";
                case 504 -> "GatewayTimeout";
                default -> "Error" + status;
            };
            return error(status, code, "injected by StsProxy");
        }

        /** HTTP {@code status} with an STS XML error of {@code code} and {@code message}. */
        public static Fault error(int status, String code, String message) {
            String body = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>"
                    + (status < 500 ? "Sender" : "Receiver") + "</Type><Code>" + xml(code) + "</Code><Message>"
                    + xml(message) + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId>"
                    + "</ErrorResponse>";
            return new Answer(status, body);
        }

        /** HTTP {@code status} with {@code body} as it is (an XML document STS would send). */
        public static Fault answer(int status, String body) {
            return new Answer(status, Objects.requireNonNull(body, "body"));
        }

        /**
         * A successful {@code GetSessionToken} answer handing out these credentials, for emulators whose own
         * session tokens they refuse later (moto's are fixed example keys).
         */
        public static Fault sessionToken(
                String accessKeyId, String secretAccessKey, String sessionToken, java.time.Instant expiration) {
            return answer(
                    200,
                    "<GetSessionTokenResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                            + "<GetSessionTokenResult><Credentials><AccessKeyId>" + xml(accessKeyId) + "</AccessKeyId>"
                            + "<SecretAccessKey>" + xml(secretAccessKey) + "</SecretAccessKey><SessionToken>"
                            + xml(sessionToken) + "</SessionToken><Expiration>" + expiration
                            + "</Expiration></Credentials>"
                            + "</GetSessionTokenResult><ResponseMetadata><RequestId>" + UUID.randomUUID()
                            + "</RequestId></ResponseMetadata></GetSessionTokenResponse>");
        }

        /** Holds the request for {@code delay}, then forwards it (long after a client with a shorter timeout left). */
        public static Fault delay(Duration delay) {
            return new Delay(delay);
        }

        /** Reads the request and closes the connection without answering. */
        public static Fault closeConnection() {
            return new Drop();
        }

        /** Reads the request and resets the connection (a TCP RST: {@code SO_LINGER} 0, then close). */
        public static Fault resetConnection() {
            return new Reset();
        }
    }

    private static final class Answer extends Fault {
        private final int status;
        private final String body;

        Answer(int status, String body) {
            this.status = status;
            this.body = body;
        }
    }

    private static final class Delay extends Fault {
        private final Duration delay;

        Delay(Duration delay) {
            this.delay = Objects.requireNonNull(delay, "delay");
        }
    }

    private static final class Drop extends Fault {}

    private static final class Reset extends Fault {}

    private static final class Pass extends Fault {}

    /** A proxy in front of {@code moto}, started by the extension callbacks or {@link #start()}. */
    public StsProxy(MotoServer moto) {
        this.moto = Optional.of(Objects.requireNonNull(moto, "moto"));
        this.upstream = moto::endpoint;
    }

    private StsProxy(URI upstream) {
        Objects.requireNonNull(upstream, "upstream");
        this.moto = Optional.empty();
        this.upstream = () -> upstream;
    }

    /** Starts a proxy in front of {@code upstream}, e.g. {@code http://127.0.0.1:5000}. */
    public static StsProxy start(URI upstream) {
        return new StsProxy(upstream).start();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (startedBy == null) {
            start();
            startedBy = context.getUniqueId();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(startedBy)) {
            startedBy = null;
            close();
        }
    }

    /** Starts listening on a free loopback port; does nothing when already running. */
    public synchronized StsProxy start() {
        if (server != null) {
            return this;
        }
        upstream.get();
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the proxy's port", e);
        }
        workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sts-proxy-" + server.getLocalPort());
            t.setDaemon(true);
            return t;
        });
        ServerSocket listening = server;
        workers.execute(() -> acceptLoop(listening));
        return this;
    }

    /** The proxy's base URL, to use as {@code AWS_ENDPOINT_URL_STS}. */
    public synchronized URI endpoint() {
        if (server == null) {
            throw new IllegalStateException("StsProxy is not running; register it as a static @RegisterExtension"
                    + " field after its MotoServer, or call start()");
        }
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /**
     * The {@link MotoServer#env()} of the fronted server with {@code AWS_ENDPOINT_URL_STS} pointing here, so STS calls
     * go through the proxy and every other service straight to moto.
     */
    public Map<String, String> env() {
        Map<String, String> env = moto.orElseThrow(() -> new IllegalStateException(
                        "this proxy was started on a bare URL; build the environment yourself"))
                .env();
        env.put("AWS_ENDPOINT_URL_STS", endpoint().toString());
        return env;
    }

    /** How many requests for {@code action} (e.g. {@code AssumeRole}) arrived since the last reset, faulted or not. */
    public int count(String action) {
        AtomicInteger n = counts.get(action);
        return n == null ? 0 : n.get();
    }

    /** How many requests arrived since the last reset, faulted or not, with or without an action. */
    public int total() {
        return total.get();
    }

    /** The actions seen since the last reset, with their counts. */
    public Map<String, Integer> counts() {
        Map<String, Integer> copy = new LinkedHashMap<>();
        counts.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /**
     * The decoded parameters (form body and query string) of every request for {@code action} since the last reset,
     * in arrival order, e.g. to check {@code DurationSeconds} or {@code SerialNumber}. SigV4 keeps secrets out of the
     * parameters; an MFA code of a test is in them.
     */
    public List<Map<String, String>> parameters(String action) {
        synchronized (faults) {
            return received.stream()
                    .filter(p -> action.equals(p.get("Action")))
                    .map(Map::copyOf)
                    .toList();
        }
    }

    /** Forgets the counts, the recorded parameters and any faults not yet used. */
    public void reset() {
        synchronized (faults) {
            faults.clear();
            actionFaults.clear();
            counts.clear();
            received.clear();
            total.set(0);
        }
    }

    /** Answers the next {@code requests} requests (after those already queued) with {@code fault}. */
    public StsProxy failNext(int requests, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be positive");
        }
        synchronized (faults) {
            for (int i = 0; i < requests; i++) {
                faults.addLast(fault);
            }
        }
        return this;
    }

    /**
     * Answers the next request for {@code action} (e.g. {@code DeleteAccessKey}) with {@code fault}, before any fault
     * queued for whatever comes next; other requests pass. Several calls queue in order.
     */
    public StsProxy failNext(String action, Fault fault) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(fault, "fault");
        synchronized (faults) {
            actionFaults.computeIfAbsent(action, a -> new ArrayDeque<>()).addLast(fault);
        }
        return this;
    }

    /** Faults queued and not yet used, for any request or for a given action. */
    public int pendingFaults() {
        synchronized (faults) {
            return faults.size()
                    + actionFaults.values().stream().mapToInt(Deque::size).sum();
        }
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            // Closing a listening socket we own cannot lose data.
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
        workers = null;
    }

    private void acceptLoop(ServerSocket listening) {
        while (!listening.isClosed()) {
            Socket client;
            try {
                client = listening.accept();
            } catch (IOException e) {
                return;
            }
            try {
                workers.execute(() -> handle(client));
            } catch (RuntimeException e) {
                closeQuietly(client);
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            Request request = Request.read(in);
            Fault fault;
            synchronized (faults) {
                total.incrementAndGet();
                received.add(request.parameters());
                request.action()
                        .ifPresent(a -> counts.computeIfAbsent(a, k -> new AtomicInteger())
                                .incrementAndGet());
                Deque<Fault> forAction = request.action().map(actionFaults::get).orElse(null);
                fault = forAction != null && !forAction.isEmpty() ? forAction.pollFirst() : faults.pollFirst();
            }
            OutputStream out = client.getOutputStream();
            if (fault instanceof Drop) {
                return;
            }
            if (fault instanceof Reset) {
                client.setSoLinger(true, 0);
                return;
            }
            if (fault instanceof Answer answer) {
                writeResponse(
                        out,
                        "HTTP/1.1 " + answer.status + " " + reason(answer.status),
                        List.of("Content-Type: text/xml"),
                        answer.body.getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (fault instanceof Delay delay) {
                Thread.sleep(delay.delay.toMillis());
            }
            forward(request, out);
        } catch (EOFException | SocketException e) {
            // The client went away (often on purpose, after its own timeout): nothing left to answer.
        } catch (IOException e) {
            // A broken exchange shows up as an error in the client under test; the proxy itself carries on.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forward(Request request, OutputStream clientOut) throws IOException {
        URI target = upstream.get();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), 5_000);
            socket.setSoTimeout((int) UPSTREAM_READ_TIMEOUT.toMillis());
            OutputStream upstreamOut = socket.getOutputStream();
            upstreamOut.write(request.head());
            upstreamOut.write(request.body());
            upstreamOut.flush();
            InputStream upstreamIn = new BufferedInputStream(socket.getInputStream());
            List<String> head = readHead(upstreamIn);
            if (head.isEmpty()) {
                throw new EOFException("upstream closed the connection without answering");
            }
            Map<String, String> headers = headerMap(head);
            byte[] body;
            if (headers.containsKey("content-length")) {
                body = upstreamIn.readNBytes(
                        Integer.parseInt(headers.get("content-length").trim()));
            } else if (headers.getOrDefault("transfer-encoding", "")
                    .toLowerCase(Locale.ROOT)
                    .contains("chunked")) {
                body = readChunked(upstreamIn);
            } else {
                body = AwsQuery.readAll(upstreamIn);
            }
            List<String> kept = new ArrayList<>();
            for (String line : head.subList(1, head.size())) {
                String name =
                        line.substring(0, Math.max(0, line.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
                if (!List.of("connection", "keep-alive", "transfer-encoding", "content-length")
                        .contains(name)) {
                    kept.add(line);
                }
            }
            writeResponse(clientOut, head.get(0), kept, body);
        }
    }

    private static void writeResponse(OutputStream out, String statusLine, List<String> headers, byte[] body)
            throws IOException {
        StringBuilder head = new StringBuilder(statusLine).append("\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** One request as it arrived: the raw head (request line and headers), the body, and its decoded parameters. */
    private record Request(byte[] head, byte[] body, Map<String, String> parameters) {

        Optional<String> action() {
            return Optional.ofNullable(parameters.get("Action"));
        }

        static Request read(InputStream in) throws IOException {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            List<String> lines = readHead(in, raw);
            if (lines.isEmpty()) {
                throw new EOFException("no request");
            }
            Map<String, String> headers = headerMap(lines);
            byte[] body;
            if (headers.containsKey("content-length")) {
                body = in.readNBytes(
                        Integer.parseInt(headers.get("content-length").trim()));
            } else if (headers.getOrDefault("transfer-encoding", "")
                    .toLowerCase(Locale.ROOT)
                    .contains("chunked")) {
                // Forwarded as received, so re-encode the decoded body as a single chunk.
                byte[] decoded = readChunked(in);
                ByteArrayOutputStream chunked = new ByteArrayOutputStream();
                if (decoded.length > 0) {
                    chunked.write((Integer.toHexString(decoded.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    chunked.write(decoded);
                    chunked.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                chunked.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return new Request(raw.toByteArray(), chunked.toByteArray(), parameters(lines.get(0), decoded));
            } else {
                body = new byte[0];
            }
            return new Request(raw.toByteArray(), body, parameters(lines.get(0), body));
        }

        /** The form parameters of the body, then those of the query string (which win, as for AWS). */
        private static Map<String, String> parameters(String requestLine, byte[] body) {
            Map<String, String> parameters = new LinkedHashMap<>();
            decodeForm(new String(body, StandardCharsets.UTF_8), parameters);
            String[] parts = requestLine.split(" ");
            String target = parts.length > 1 ? parts[1] : "";
            int query = target.indexOf('?');
            if (query >= 0) {
                decodeForm(target.substring(query + 1), parameters);
            }
            return parameters;
        }

        private static void decodeForm(String form, Map<String, String> into) {
            for (String pair : form.split("&")) {
                int eq = pair.indexOf('=');
                try {
                    if (eq > 0) {
                        into.put(
                                URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                } catch (IllegalArgumentException e) {
                    // Not a form (some other body): nothing to record from this pair.
                }
            }
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        return readHead(in, new ByteArrayOutputStream());
    }

    /** Reads lines up to the empty line, copying the raw bytes to {@code raw}; empty when the stream ended first. */
    private static List<String> readHead(InputStream in, ByteArrayOutputStream raw) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            raw.write(b);
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        if (!lines.isEmpty()) {
            throw new EOFException("the stream ended inside an HTTP head");
        }
        return lines;
    }

    private static Map<String, String> headerMap(List<String> head) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // Trailers carry nothing the proxy needs.
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        if (b == -1) {
            throw new EOFException("the stream ended inside a chunked body");
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing to recover: the connection is being abandoned.
        }
    }

    @Override
    public String toString() {
        return "StsProxy[" + (server == null ? "stopped" : endpoint() + " -> " + upstream.get()) + "]";
    }
}
