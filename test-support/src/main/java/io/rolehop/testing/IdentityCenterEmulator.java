package io.rolehop.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rolehop.domain.TemporaryCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An IAM Identity Center emulator on a loopback port: the OIDC API ({@code RegisterClient},
 * {@code StartDeviceAuthorization}, {@code CreateToken} with the device-code, authorization-code (PKCE S256, state)
 * and refresh-token grants, and the {@code /authorize} page that redirects back with a code) and the portal API
 * ({@code ListAccounts}, {@code ListAccountRoles}, {@code GetRoleCredentials}, {@code Logout}), with the wire shapes of
 * the {@code sso} and {@code sso-oidc} service models (rest-json; errors as {@code x-amzn-ErrorType} and a JSON body).
 *
 * <p>With a {@link MotoServer}, {@code GetRoleCredentials} answers real role sessions: it assumes
 * {@code arn:aws:iam::123456789012:role/ROLE} in moto as moto's administrator, session name {@link #USER}, so a role
 * chained from it is checked by moto's trust policies. Create that role in moto trusting the administrator's ARN.
 *
 * <p>Tests steer it: {@link #throttleNext} answers the next portal calls with HTTP 429, {@link #approveAfterPolls}
 * approves a device code after that many polls, {@link #expireAccessTokens} makes every access token issued so far
 * unusable (a refresh is then needed), and {@link #calls} counts each operation.
 */
public final class IdentityCenterEmulator implements AutoCloseable {
    /** The role session name of the emulator's user, as moto sees the role sessions it hands out. */
    public static final String USER = "sso-user";

    private static final String PORTAL_PREFIX = "/assignment/";

    private record Client(String secret, List<String> redirectUris) {}

    private record AuthCode(String clientId, String redirectUri, String challenge) {}

    private record Device(String clientId, AtomicInteger polls) {}

    private record Role(String accountId, String roleName) {}

    private final Optional<MotoServer> moto;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, AuthCode> codes = new ConcurrentHashMap<>();
    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Boolean> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, String[]> accounts = new LinkedHashMap<>();
    private final List<Role> roles = new ArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger throttle = new AtomicInteger();
    private volatile int approveAfterPolls = 1;
    private volatile int slowDownOnPoll = -1;
    private volatile int pageSize = 2;
    private volatile long tokenSeconds = 3600;
    private volatile String lastState;
    private HttpServer server;

    /** An emulator handing out made-up role credentials (no moto behind it). */
    public IdentityCenterEmulator() {
        this.moto = Optional.empty();
    }

    /** An emulator whose role credentials are real role sessions of {@code moto}. */
    public IdentityCenterEmulator(MotoServer moto) {
        this.moto = Optional.of(moto);
    }

    /** Starts on a free port of 127.0.0.1. */
    public synchronized IdentityCenterEmulator start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    /** The base URL of both APIs, for {@code AWS_ENDPOINT_URL_SSO_OIDC} and {@code AWS_ENDPOINT_URL_SSO}. */
    public synchronized URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The endpoint variables rolehop and the AWS SDKs read, both pointing here. */
    public Map<String, String> env() {
        return Map.of(
                "AWS_ENDPOINT_URL_SSO_OIDC",
                endpoint().toString(),
                "AWS_ENDPOINT_URL_SSO",
                endpoint().toString());
    }

    /** Adds an account the user may see, with the roles assigned to the user in it. */
    public synchronized IdentityCenterEmulator account(String accountId, String name, String... roleNames) {
        accounts.put(accountId, new String[] {name, name.toLowerCase(java.util.Locale.ROOT) + "@example.com"});
        for (String role : roleNames) {
            roles.add(new Role(accountId, role));
        }
        return this;
    }

    /** Takes a role assignment away (a later sync should prune its session). */
    public synchronized void unassign(String accountId, String roleName) {
        roles.remove(new Role(accountId, roleName));
        if (roles.stream().noneMatch(r -> r.accountId().equals(accountId))) {
            accounts.remove(accountId);
        }
    }

    /** Answers the next {@code n} portal calls with HTTP 429 {@code TooManyRequestsException}. */
    public void throttleNext(int n) {
        throttle.set(n);
    }

    /** A device code is approved on the {@code n}-th poll of CreateToken (pending before). */
    public void approveAfterPolls(int n) {
        approveAfterPolls = n;
    }

    /** The {@code n}-th poll of a device code is answered with {@code SlowDownException}. */
    public void slowDownOnPoll(int n) {
        slowDownOnPoll = n;
    }

    /** Page size of ListAccounts and ListAccountRoles. */
    public void pageSize(int n) {
        pageSize = n;
    }

    /** Lifetime of the access tokens issued from now on. */
    public void tokenLifetime(java.time.Duration lifetime) {
        tokenSeconds = lifetime.toSeconds();
    }

    /** Every access token issued so far is refused from now on (401), as after its expiry. */
    public void expireAccessTokens() {
        accessTokens.replaceAll((k, v) -> false);
    }

    /** How many times {@code operation} (e.g. {@code GetRoleCredentials}, {@code CreateToken}) was called. */
    public int calls(String operation) {
        AtomicInteger n = calls.get(operation);
        return n == null ? 0 : n.get();
    }

    /** Every count, for a report line. */
    public Map<String, Integer> callCounts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        calls.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    /** Forgets the counts. */
    public void resetCounts() {
        calls.clear();
    }

    /** The state parameter of the last {@code /authorize} request. */
    public Optional<String> lastState() {
        return Optional.ofNullable(lastState);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("/authorize")) {
                authorize(exchange, query);
                return;
            }
            if (path.startsWith(PORTAL_PREFIX) || path.equals("/federation/credentials") || path.equals("/logout")) {
                portal(exchange, path, query);
                return;
            }
            Map<String, Object> body =
                    MiniJson.parseObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            switch (path) {
                case "/client/register" -> registerClient(exchange, body);
                case "/device_authorization" -> startDeviceAuthorization(exchange, body);
                case "/token" -> createToken(exchange, body);
                default -> error(exchange, 404, "ResourceNotFoundException", "no such operation " + path);
            }
        } catch (RuntimeException e) {
            error(exchange, 500, "InternalServerException", String.valueOf(e));
        }
    }

    private void count(String operation) {
        calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
    }

    private void registerClient(HttpExchange exchange, Map<String, Object> body) throws IOException {
        count("RegisterClient");
        if (!"public".equals(body.get("clientType")) || body.get("clientName") == null) {
            oidcError(exchange, "InvalidClientMetadataException", "invalid_client_metadata");
            return;
        }
        String id = "client-" + UUID.randomUUID();
        String secret = "secret-" + UUID.randomUUID();
        clients.put(id, new Client(secret, strings(body.get("redirectUris"))));
        long now = Instant.now().getEpochSecond();
        json(
                exchange,
                200,
                Map.of(
                        "clientId",
                        id,
                        "clientSecret",
                        secret,
                        "clientIdIssuedAt",
                        now,
                        "clientSecretExpiresAt",
                        now + 90L * 24 * 3600));
    }

    private void startDeviceAuthorization(HttpExchange exchange, Map<String, Object> body) throws IOException {
        count("StartDeviceAuthorization");
        if (!clientOk(body)) {
            oidcError(exchange, "InvalidClientException", "invalid_client");
            return;
        }
        String deviceCode = "device-" + UUID.randomUUID();
        devices.put(deviceCode, new Device((String) body.get("clientId"), new AtomicInteger()));
        String userCode = "ABCD-" + (1000 + devices.size());
        json(
                exchange,
                200,
                Map.of(
                        "deviceCode",
                        deviceCode,
                        "userCode",
                        userCode,
                        "verificationUri",
                        endpoint() + "/device",
                        "verificationUriComplete",
                        endpoint() + "/device?user_code=" + userCode,
                        "expiresIn",
                        600,
                        "interval",
                        1));
    }

    private boolean clientOk(Map<String, Object> body) {
        Client client = clients.get(String.valueOf(body.get("clientId")));
        return client != null && client.secret().equals(body.get("clientSecret"));
    }

    private void authorize(HttpExchange exchange, Map<String, String> query) throws IOException {
        count("Authorize");
        Client client = clients.get(query.getOrDefault("client_id", ""));
        String redirect = query.get("redirect_uri");
        String state = query.get("state");
        String challenge = query.get("code_challenge");
        if (client == null
                || redirect == null
                || !registered(client, redirect)
                || state == null
                || state.length() < 16
                || challenge == null
                || !"S256".equals(query.get("code_challenge_method"))
                || !"code".equals(query.get("response_type"))) {
            text(exchange, 400, "invalid authorization request");
            return;
        }
        lastState = state;
        String code = "code-" + UUID.randomUUID();
        codes.put(code, new AuthCode(query.get("client_id"), redirect, challenge));
        exchange.getResponseHeaders().add("Location", redirect + "?code=" + encode(code) + "&state=" + encode(state));
        exchange.sendResponseHeaders(302, -1);
    }

    /** A registered loopback redirect matches on any port (RFC 8252, 7.3). */
    private static boolean registered(Client client, String redirect) {
        URI asked = URI.create(redirect);
        return client.redirectUris().stream()
                .map(URI::create)
                .anyMatch(r -> r.getScheme().equals(asked.getScheme())
                        && r.getHost().equals(asked.getHost())
                        && r.getPath().equals(asked.getPath()));
    }

    private void createToken(HttpExchange exchange, Map<String, Object> body) throws IOException {
        count("CreateToken");
        if (!clientOk(body)) {
            oidcError(exchange, "InvalidClientException", "invalid_client");
            return;
        }
        String clientId = (String) body.get("clientId");
        String grant = String.valueOf(body.get("grantType"));
        switch (grant) {
            case "urn:ietf:params:oauth:grant-type:device_code" -> {
                Device device = devices.get(String.valueOf(body.get("deviceCode")));
                if (device == null || !device.clientId().equals(clientId)) {
                    oidcError(exchange, "InvalidGrantException", "invalid_grant");
                    return;
                }
                int poll = device.polls().incrementAndGet();
                if (poll == slowDownOnPoll) {
                    oidcError(exchange, "SlowDownException", "slow_down");
                    return;
                }
                if (poll < approveAfterPolls) {
                    oidcError(exchange, "AuthorizationPendingException", "authorization_pending");
                    return;
                }
                devices.remove(String.valueOf(body.get("deviceCode")));
                issue(exchange, clientId);
            }
            case "authorization_code" -> {
                AuthCode code = codes.remove(String.valueOf(body.get("code")));
                String verifier = String.valueOf(body.get("codeVerifier"));
                if (code == null
                        || !code.clientId().equals(clientId)
                        || !code.redirectUri().equals(body.get("redirectUri"))
                        || !code.challenge().equals(s256(verifier))) {
                    oidcError(exchange, "InvalidGrantException", "invalid_grant");
                    return;
                }
                issue(exchange, clientId);
            }
            case "refresh_token" -> {
                String owner = refreshTokens.remove(String.valueOf(body.get("refreshToken")));
                if (owner == null || !owner.equals(clientId)) {
                    oidcError(exchange, "InvalidGrantException", "invalid_grant");
                    return;
                }
                count("RefreshToken");
                issue(exchange, clientId);
            }
            default -> oidcError(exchange, "UnsupportedGrantTypeException", "unsupported_grant_type");
        }
    }

    private void issue(HttpExchange exchange, String clientId) throws IOException {
        String access = "access-" + UUID.randomUUID();
        String refresh = "refresh-" + UUID.randomUUID();
        accessTokens.put(access, true);
        refreshTokens.put(refresh, clientId);
        json(
                exchange,
                200,
                Map.of(
                        "accessToken",
                        access,
                        "tokenType",
                        "Bearer",
                        "expiresIn",
                        tokenSeconds,
                        "refreshToken",
                        refresh));
    }

    private void portal(HttpExchange exchange, String path, Map<String, String> query) throws IOException {
        String operation = switch (path) {
            case "/assignment/accounts" -> "ListAccounts";
            case "/assignment/roles" -> "ListAccountRoles";
            case "/federation/credentials" -> "GetRoleCredentials";
            case "/logout" -> "Logout";
            default -> "Unknown";
        };
        count(operation);
        if (throttle.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            count("Throttled");
            error(exchange, 429, "TooManyRequestsException", "Too many requests");
            return;
        }
        String token = exchange.getRequestHeaders().getFirst("x-amz-sso_bearer_token");
        if (token == null || !accessTokens.getOrDefault(token, false)) {
            error(exchange, 401, "UnauthorizedException", "Session token not found or invalid");
            return;
        }
        switch (operation) {
            case "ListAccounts" -> {
                List<Map<String, Object>> all = new ArrayList<>();
                synchronized (this) {
                    accounts.forEach((id, info) ->
                            all.add(Map.of("accountId", id, "accountName", info[0], "emailAddress", info[1])));
                }
                page(exchange, "accountList", all, query);
            }
            case "ListAccountRoles" -> {
                String account = query.get("account_id");
                List<Map<String, Object>> all = new ArrayList<>();
                synchronized (this) {
                    roles.stream()
                            .filter(r -> r.accountId().equals(account))
                            .forEach(r -> all.add(Map.of("roleName", r.roleName(), "accountId", r.accountId())));
                }
                page(exchange, "roleList", all, query);
            }
            case "GetRoleCredentials" -> {
                Role role = new Role(String.valueOf(query.get("account_id")), String.valueOf(query.get("role_name")));
                boolean assigned;
                synchronized (this) {
                    assigned = roles.contains(role);
                }
                if (!assigned) {
                    error(exchange, 403, "ForbiddenException", "No access");
                    return;
                }
                TemporaryCredentials credentials = moto.map(
                                m -> m.assumeRole(m.admin().credentials(), MotoServer.roleArn(role.roleName()), USER))
                        .orElseGet(() -> new TemporaryCredentials(
                                "ASIA"
                                        + UUID.randomUUID()
                                                .toString()
                                                .replace("-", "")
                                                .substring(0, 16)
                                                .toUpperCase(java.util.Locale.ROOT),
                                "secret-" + UUID.randomUUID(),
                                "token-" + UUID.randomUUID(),
                                Instant.now().plusSeconds(3600)));
                json(
                        exchange,
                        200,
                        Map.of(
                                "roleCredentials",
                                Map.of(
                                        "accessKeyId",
                                        credentials.accessKeyId(),
                                        "secretAccessKey",
                                        credentials.secretAccessKey(),
                                        "sessionToken",
                                        credentials.sessionToken(),
                                        "expiration",
                                        credentials.expiration().toEpochMilli())));
            }
            case "Logout" -> {
                accessTokens.remove(token);
                exchange.sendResponseHeaders(200, -1);
            }
            default -> error(exchange, 404, "ResourceNotFoundException", "no such operation");
        }
    }

    private void page(HttpExchange exchange, String listName, List<Map<String, Object>> all, Map<String, String> query)
            throws IOException {
        int from = query.containsKey("next_token")
                ? Integer.parseInt(query.get("next_token").substring(5))
                : 0;
        int size = Math.min(
                pageSize,
                query.containsKey("max_result") ? Integer.parseInt(query.get("max_result")) : Integer.MAX_VALUE);
        int to = Math.min(all.size(), from + size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(listName, all.subList(from, to));
        if (to < all.size()) {
            body.put("nextToken", "page-" + to);
        }
        json(exchange, 200, body);
    }

    private static void oidcError(HttpExchange exchange, String type, String error) throws IOException {
        int status = type.equals("InvalidClientException") ? 401 : 400;
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        json(exchange, status, Map.of("error", error, "error_description", type));
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        json(exchange, status, Map.of("message", message));
    }

    private static void json(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = MiniJson.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void text(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> result = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.put(key, value);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** BASE64URL(SHA-256(verifier)) without padding, the S256 code challenge. */
    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
