package io.rolehop.adapters.aws;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.port.out.ConsoleSignIn;
import io.rolehop.application.port.out.SignInRequest;
import io.rolehop.domain.TemporaryCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

/**
 * {@link ConsoleSignIn} on the AWS federation endpoint, over {@link HttpURLConnection}.
 *
 * <p>{@code GET BASE/federation?Action=getSigninToken[&SessionDuration=N]&Session={"sessionId":..,"sessionKey":..,
 * "sessionToken":..}}, then the URL {@code BASE/federation?Action=login&Issuer=rolehop&Destination=..&SigninToken=..},
 * wrapped as {@code LOGOUT_BASE/oauth?Action=logout&redirect_uri=<that URL>} when asked. BASE is the partition's
 * sign-in host for the region, or {@code ROLEHOP_SIGNIN_URL} (see {@link ConsoleUrls}). The answer is read with the
 * SDK's own JSON reader; no message quotes the credentials, the token or the answer's body.
 */
public final class FederationConsoleSignIn implements ConsoleSignIn {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_ANSWER = 64 * 1024;
    private static final String ISSUER = "rolehop";

    private final Map<String, String> environment;

    /** @param environment the process environment ({@code System.getenv()}) or a test's stand-in */
    public FederationConsoleSignIn(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    @Override
    public URI signInUrl(SignInRequest request) {
        Objects.requireNonNull(request, "request");
        URI base = ConsoleUrls.signInBase(environment, request.region());
        URI destination = request.destination().orElseGet(() -> ConsoleUrls.consoleHome(request.region()));
        String token = signInToken(base, request.credentials(), request.sessionDuration());
        URI login = URI.create(base + "/federation?Action=login&Issuer=" + ISSUER + "&Destination="
                + ConsoleUrls.encode(destination.toString()) + "&SigninToken=" + ConsoleUrls.encode(token));
        if (!request.logoutFirst()) {
            return login;
        }
        return URI.create(ConsoleUrls.logoutBase(environment, request.region()) + "/oauth?Action=logout&redirect_uri="
                + ConsoleUrls.encode(login.toString()));
    }

    private static String signInToken(URI base, TemporaryCredentials credentials, Optional<Duration> duration) {
        String query = "Action=getSigninToken"
                + duration.map(d -> "&SessionDuration=" + d.toSeconds()).orElse("")
                + "&Session=" + ConsoleUrls.encode(sessionJson(credentials));
        URI endpoint = URI.create(base + "/federation");
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection)
                    URI.create(endpoint + "?" + query).toURL().openConnection();
        } catch (IOException e) {
            throw unreachable(endpoint, e);
        }
        try {
            connection.setConnectTimeout(Math.toIntExact(CONNECT_TIMEOUT.toMillis()));
            connection.setReadTimeout(Math.toIntExact(READ_TIMEOUT.toMillis()));
            connection.setInstanceFollowRedirects(false);
            connection.setRequestProperty("Accept", "application/json");
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new OperationFailedException("the federation endpoint at " + endpoint + " refused the sign-in"
                        + " (HTTP " + status + "): it accepts only temporary credentials from AssumeRole or"
                        + " GetFederationToken, and no console session duration for role-chained ones; check the"
                        + " session with 'rolehop session generate' and try again");
            }
            return tokenIn(endpoint, read(connection.getInputStream()));
        } catch (IOException | UncheckedIOException e) {
            throw unreachable(endpoint, e);
        } finally {
            connection.disconnect();
        }
    }

    /** The Session parameter: the three credential parts, JSON-escaped by the SDK's writer. */
    static String sessionJson(TemporaryCredentials credentials) {
        byte[] json = JsonWriter.create()
                .writeStartObject()
                .writeFieldName("sessionId")
                .writeValue(credentials.accessKeyId())
                .writeFieldName("sessionKey")
                .writeValue(credentials.secretAccessKey())
                .writeFieldName("sessionToken")
                .writeValue(credentials.sessionToken())
                .writeEndObject()
                .getBytes();
        return new String(json, StandardCharsets.UTF_8);
    }

    private static String tokenIn(URI endpoint, byte[] answer) {
        try {
            JsonNode node = JsonNode.parser().parse(answer);
            Optional<String> token = node.isObject()
                    ? node.field("SigninToken")
                            .filter(JsonNode::isString)
                            .map(JsonNode::asString)
                            .filter(t -> !t.isBlank())
                    : Optional.empty();
            return token.orElseThrow(() -> noToken(endpoint));
        } catch (RuntimeException e) {
            if (e instanceof OperationFailedException failed) {
                throw failed;
            }
            throw noToken(endpoint);
        }
    }

    private static OperationFailedException noToken(URI endpoint) {
        return new OperationFailedException("the federation endpoint at " + endpoint + " answered without a"
                + " SigninToken; check that ROLEHOP_SIGNIN_URL, if set, names a real sign-in endpoint");
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_ANSWER + 1);
            if (bytes.length > MAX_ANSWER) {
                throw new IOException("the answer is larger than " + MAX_ANSWER + " bytes");
            }
            return bytes;
        }
    }

    private static OperationFailedException unreachable(URI endpoint, Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new OperationFailedException("could not reach the federation endpoint at " + endpoint + " ("
                + reason.replaceAll("[?&]Session=[^\\s]*", "") + "); check the network and try again");
    }

    @Override
    public String toString() {
        return "FederationConsoleSignIn";
    }
}
