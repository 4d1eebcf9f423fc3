package io.rolehop.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A loopback stand-in for the AWS federation endpoint (the sign-in host), for {@code ROLEHOP_SIGNIN_URL}.
 *
 * <ul>
 *   <li>{@code GET /federation?Action=getSigninToken[&SessionDuration=N]&Session=JSON}: the Session must be a JSON
 *       object of exactly {@code sessionId}, {@code sessionKey} and {@code sessionToken}, each a non-empty string, as
 *       AWS requires; a {@code SessionDuration} must be 900 to 43200, and is refused (HTTP 400, as AWS does for
 *       role-chained credentials) while {@link #refuseSessionDuration} is on. Answers {@code {"SigninToken":..}}.
 *   <li>{@code GET /federation?Action=login&Issuer=..&Destination=..&SigninToken=..}: a token it issued, once:
 *       redirects to the Destination.
 *   <li>{@code GET /oauth?Action=logout&redirect_uri=..}: redirects to the redirect_uri.
 *   <li>{@code GET /console/...}: a page, standing in for the console a Destination may point at.
 * </ul>
 * Every request is recorded as a {@link Visit}, in order. Reset before each test when registered as an extension.
 */
public final class FakeFederationEndpoint
        implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, AutoCloseable {
    private static final Set<String> SESSION_KEYS = Set.of("sessionId", "sessionKey", "sessionToken");

    /** A token request as received: the Session's fields, and the SessionDuration if any. */
    public record TokenRequest(Map<String, String> session, Optional<String> sessionDuration) {}

    /** One request: its path, its decoded query parameters, and the status answered. */
    public record Visit(String path, Map<String, String> parameters, int status) {
        public String action() {
            return parameters.getOrDefault("Action", "");
        }
    }

    private HttpServer server;
    private final List<TokenRequest> tokenRequests = new ArrayList<>();
    private final List<Visit> visits = new ArrayList<>();
    private final Map<String, Boolean> tokens = new LinkedHashMap<>();
    private boolean refuseSessionDuration;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public synchronized FakeFederationEndpoint start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            } catch (IOException e) {
                throw new IllegalStateException("cannot listen on loopback", e);
            }
            server.createContext("/", this::handle);
            server.start();
        }
        return this;
    }

    /** The base URL, {@code http://127.0.0.1:PORT}. */
    public synchronized URI baseUrl() {
        start();
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    /** {@code ROLEHOP_SIGNIN_URL} pointing here. */
    public Map<String, String> env() {
        return Map.of("ROLEHOP_SIGNIN_URL", baseUrl().toString());
    }

    /** Refuses every SessionDuration, as AWS does for credentials from role chaining. */
    public synchronized FakeFederationEndpoint refuseSessionDuration() {
        refuseSessionDuration = true;
        return this;
    }

    public synchronized void reset() {
        tokenRequests.clear();
        visits.clear();
        tokens.clear();
        refuseSessionDuration = false;
        notifyAll();
    }

    public synchronized List<TokenRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    public synchronized List<Visit> visits() {
        return List.copyOf(visits);
    }

    /** The tokens issued, each with whether a login used it. */
    public synchronized Map<String, Boolean> tokens() {
        return Map.copyOf(tokens);
    }

    /**
     * Waits until a request for a path starting with {@code prefix} came, for a browser that follows the URL in a
     * process of its own; {@code limit} only bounds a test that would otherwise hang.
     */
    public synchronized Optional<Visit> awaitVisit(String prefix, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Optional<Visit> seen =
                    visits.stream().filter(v -> v.path().startsWith(prefix)).findFirst();
            long left = deadline - System.nanoTime();
            if (seen.isPresent() || left <= 0) {
                return seen;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> parameters = query(exchange.getRequestURI().getRawQuery());
            Answer answer;
            synchronized (this) {
                answer = answer(exchange.getRequestMethod(), path, parameters);
                visits.add(new Visit(path, parameters, answer.status()));
                notifyAll();
            }
            answer.location().ifPresent(l -> exchange.getResponseHeaders().set("Location", l));
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private record Answer(int status, String contentType, String body, Optional<String> location) {
        static Answer text(int status, String body) {
            return new Answer(status, "text/plain", body, Optional.empty());
        }

        static Answer redirect(String location) {
            return new Answer(302, "text/plain", "", Optional.of(location));
        }
    }

    private Answer answer(String method, String path, Map<String, String> p) {
        if (!method.equals("GET")) {
            return Answer.text(405, "GET only");
        }
        if (path.equals("/federation") && "getSigninToken".equals(p.get("Action"))) {
            return signinToken(p);
        }
        if (path.equals("/federation") && "login".equals(p.get("Action"))) {
            String token = p.get("SigninToken");
            if (token == null
                    || !Boolean.FALSE.equals(tokens.get(token))
                    || p.get("Destination") == null
                    || p.get("Issuer") == null) {
                return Answer.text(400, "unknown or used SigninToken, or no Destination or Issuer");
            }
            tokens.put(token, true);
            return Answer.redirect(p.get("Destination"));
        }
        if (path.equals("/oauth") && "logout".equals(p.get("Action")) && p.get("redirect_uri") != null) {
            return Answer.redirect(p.get("redirect_uri"));
        }
        if (path.startsWith("/console/")) {
            return new Answer(
                    200,
                    "text/html",
                    "<html><head><title>console</title></head><body>console</body></html>",
                    Optional.empty());
        }
        return Answer.text(404, "no such page");
    }

    private Answer signinToken(Map<String, String> p) {
        Optional<Map<String, String>> session =
                Optional.ofNullable(p.get("Session")).flatMap(FakeFederationEndpoint::flatStringObject);
        Optional<String> duration = Optional.ofNullable(p.get("SessionDuration"));
        session.ifPresent(s -> tokenRequests.add(new TokenRequest(s, duration)));
        if (session.isEmpty()
                || !session.get().keySet().equals(SESSION_KEYS)
                || session.get().values().stream().anyMatch(String::isEmpty)) {
            return Answer.text(400, "Session must be a JSON object of sessionId, sessionKey and sessionToken");
        }
        if (duration.isPresent()) {
            if (refuseSessionDuration) {
                return Answer.text(400, "SessionDuration is not allowed for credentials from role chaining");
            }
            if (!duration.get().matches("[0-9]{3,5}")
                    || Integer.parseInt(duration.get()) < 900
                    || Integer.parseInt(duration.get()) > 43_200) {
                return Answer.text(400, "SessionDuration must be 900 to 43200");
            }
        }
        String token = "fake-signin-" + UUID.randomUUID();
        tokens.put(token, false);
        return new Answer(200, "application/json", "{\"SigninToken\":\"" + token + "\"}", Optional.empty());
    }

    /** The decoded query parameters of {@code url}, as the endpoint reads them. */
    public static Map<String, String> parameters(URI url) {
        return query(url.getRawQuery());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (parameters.putIfAbsent(name, value) != null) {
                parameters.put(name, "\u0000duplicate");
            }
        }
        return parameters;
    }

    /** A JSON object whose values are all strings, strictly; empty for anything else. */
    static Optional<Map<String, String>> flatStringObject(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        int[] at = {skip(json, 0)};
        if (at[0] >= json.length() || json.charAt(at[0]) != '{') {
            return Optional.empty();
        }
        at[0] = skip(json, at[0] + 1);
        if (at[0] < json.length() && json.charAt(at[0]) == '}') {
            return skip(json, at[0] + 1) == json.length() ? Optional.of(fields) : Optional.empty();
        }
        while (true) {
            Optional<String> name = string(json, at);
            at[0] = skip(json, at[0]);
            if (name.isEmpty() || at[0] >= json.length() || json.charAt(at[0]) != ':') {
                return Optional.empty();
            }
            at[0] = skip(json, at[0] + 1);
            Optional<String> value = string(json, at);
            if (value.isEmpty() || fields.put(name.get(), value.get()) != null) {
                return Optional.empty();
            }
            at[0] = skip(json, at[0]);
            if (at[0] >= json.length()) {
                return Optional.empty();
            }
            char c = json.charAt(at[0]);
            if (c == '}') {
                return skip(json, at[0] + 1) == json.length() ? Optional.of(fields) : Optional.empty();
            }
            if (c != ',') {
                return Optional.empty();
            }
            at[0] = skip(json, at[0] + 1);
        }
    }

    private static Optional<String> string(String json, int[] at) {
        int i = at[0];
        if (i >= json.length() || json.charAt(i) != '"') {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        i++;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '"') {
                at[0] = i + 1;
                return Optional.of(out.toString());
            }
            if (c < 0x20) {
                return Optional.empty();
            }
            if (c == '\\') {
                if (i + 1 >= json.length()) {
                    return Optional.empty();
                }
                char e = json.charAt(i + 1);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (i + 6 > json.length()) {
                            return Optional.empty();
                        }
                        try {
                            out.append((char) Integer.parseInt(json.substring(i + 2, i + 6), 16));
                        } catch (NumberFormatException x) {
                            return Optional.empty();
                        }
                        i += 4;
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
                i += 2;
                continue;
            }
            out.append(c);
            i++;
        }
        return Optional.empty();
    }

    private static int skip(String json, int i) {
        while (i < json.length() && " \t\r\n".indexOf(json.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public String toString() {
        return "FakeFederationEndpoint[" + (server == null ? "stopped" : baseUrl()) + "]";
    }
}
