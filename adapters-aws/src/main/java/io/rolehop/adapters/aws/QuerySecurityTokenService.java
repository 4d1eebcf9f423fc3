package io.rolehop.adapters.aws;

import io.rolehop.application.port.out.AssumeRoleRequest;
import io.rolehop.application.port.out.MfaToken;
import io.rolehop.application.port.out.SecurityTokenService;
import io.rolehop.application.port.out.SessionTokenRequest;
import io.rolehop.application.port.out.StsException;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.Region;
import io.rolehop.domain.TemporaryCredentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link SecurityTokenService} on STS's Query API, signed with SigV4 here and sent with the JDK's
 * {@link HttpURLConnection}: the same calls as {@link StsSecurityTokenService}, the same endpoints
 * ({@link StsEndpoints}) and the same error messages ({@link StsFailures}), without the AWS SDK, whose client costs a
 * short-lived process several hundred milliseconds to load and build.
 *
 * <p>It serves the lean path of {@code session generate}, a process that must answer before the AWS CLI notices it
 * waiting; that path makes one attempt ({@code maxAttempts} 1) and leaves any failure to the full command, which
 * retries with the SDK's standard strategy. With more attempts, throttling, HTTP 5xx and I/O faults are retried with
 * exponential backoff and jitter. Each request is signed with the caller credentials it carries; nothing is read
 * from {@code ~/.aws}. Stateless and thread-safe.
 */
public final class QuerySecurityTokenService implements SecurityTokenService {
    private static final String VERSION = "2011-06-15";
    private static final String CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";
    private static final int MAX_BODY = 1 << 20;
    private static final long BACKOFF_BASE_MILLIS = 100;
    private static final long BACKOFF_CAP_MILLIS = 5_000;

    private final Map<String, String> environment;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxAttempts;
    private final Clock clock;

    /**
     * @param environment the process environment ({@code System.getenv()}) or a test's stand-in, for the endpoint
     * @param maxAttempts attempts per call, the first one included (1 to 10)
     * @param clock the clock that dates each signature
     */
    public QuerySecurityTokenService(
            Map<String, String> environment,
            Duration connectTimeout,
            Duration readTimeout,
            int maxAttempts,
            Clock clock) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.connectTimeout = positive(connectTimeout, "connectTimeout");
        this.readTimeout = positive(readTimeout, "readTimeout");
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be 1 to 10, not " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public TemporaryCredentials assumeRole(AssumeRoleRequest request) {
        Objects.requireNonNull(request, "request");
        URI endpoint = StsEndpoints.endpointFor(environment, request.region());
        StsCall call = StsCall.assumeRole(
                endpoint,
                request.caller(),
                request.roleArn().value(),
                request.mfa().map(MfaToken::serialNumber));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("RoleArn", request.roleArn().value());
        form.put("RoleSessionName", request.roleSessionName().value());
        form.put("DurationSeconds", Integer.toString(request.duration().seconds()));
        request.externalId().ifPresent(v -> form.put("ExternalId", v));
        request.sourceIdentity().ifPresent(v -> form.put("SourceIdentity", v));
        request.mfa().ifPresent(mfa -> {
            form.put("SerialNumber", mfa.serialNumber());
            form.put("TokenCode", mfa.code());
        });
        return call(endpoint, request.region(), request.caller(), "AssumeRole", form, call);
    }

    @Override
    public TemporaryCredentials getSessionToken(SessionTokenRequest request) {
        Objects.requireNonNull(request, "request");
        URI endpoint = StsEndpoints.endpointFor(environment, request.region());
        StsCall call = StsCall.getSessionToken(
                endpoint, request.caller(), request.mfa().map(MfaToken::serialNumber));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("DurationSeconds", Long.toString(request.duration().toSeconds()));
        request.mfa().ifPresent(mfa -> {
            form.put("SerialNumber", mfa.serialNumber());
            form.put("TokenCode", mfa.code());
        });
        return call(endpoint, request.region(), request.caller(), "GetSessionToken", form, call);
    }

    private TemporaryCredentials call(
            URI endpoint,
            Region region,
            AwsCredentials caller,
            String action,
            Map<String, String> parameters,
            StsCall call) {
        StringBuilder form =
                new StringBuilder("Action=").append(action).append("&Version=").append(VERSION);
        parameters.forEach((k, v) -> form.append('&').append(k).append('=').append(encode(v)));
        byte[] body = form.toString().getBytes(StandardCharsets.UTF_8);
        for (int attempt = 1; ; attempt++) {
            try {
                return once(endpoint, region, caller, body, call, attempt);
            } catch (Transient e) {
                if (attempt >= maxAttempts) {
                    throw e.failure;
                }
                sleep(attempt);
            }
        }
    }

    private TemporaryCredentials once(
            URI endpoint, Region region, AwsCredentials caller, byte[] body, StsCall call, int attempt) {
        Optional<String> token =
                caller instanceof TemporaryCredentials t ? Optional.of(t.sessionToken()) : Optional.empty();
        URI target =
                endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? endpoint.resolve("/") : endpoint;
        SigV4.Signed signed = SigV4.sign(
                "POST",
                target,
                Map.of("Content-Type", CONTENT_TYPE),
                body,
                region.code(),
                "sts",
                caller.accessKeyId(),
                caller.secretAccessKey(),
                token,
                clock.instant());
        int status;
        String text;
        try {
            HttpURLConnection connection = (HttpURLConnection) target.toURL().openConnection();
            try {
                connection.setConnectTimeout(Math.toIntExact(Math.min(connectTimeout.toMillis(), Integer.MAX_VALUE)));
                connection.setReadTimeout(Math.toIntExact(Math.min(readTimeout.toMillis(), Integer.MAX_VALUE)));
                connection.setUseCaches(false);
                connection.setInstanceFollowRedirects(false);
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                signed.headers().forEach(connection::setRequestProperty);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
                status = connection.getResponseCode();
                InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
                text = in == null ? "" : read(in);
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            throw new Transient(StsFailures.unreachable(StsFailures.describe(e), attempt, call, e));
        }
        if (status != 200) {
            String code = StsFailures.element(text, "Code").orElse("");
            String message = StsFailures.element(text, "Message").orElse(null);
            StsException failure = StsFailures.service(code, message, status, false, attempt, call, null);
            if (status >= 500 || failure.reason() == StsException.Reason.THROTTLED) {
                throw new Transient(failure);
            }
            throw failure;
        }
        return credentials(text, call);
    }

    /** A failure worth another attempt: throttling, HTTP 5xx, an I/O fault. */
    private static final class Transient extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient StsException failure;

        Transient(StsException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    /** The credentials of a successful answer, or an error if any part is missing or malformed. */
    static TemporaryCredentials credentials(String xml, StsCall call) {
        int start = xml.indexOf("<Credentials>");
        int end = xml.indexOf("</Credentials>", Math.max(start, 0));
        if (start >= 0 && end > start) {
            String block = xml.substring(start, end);
            Optional<String> key = StsFailures.element(block, "AccessKeyId");
            Optional<String> secret = StsFailures.element(block, "SecretAccessKey");
            Optional<String> token = StsFailures.element(block, "SessionToken");
            Optional<Instant> expiration =
                    StsFailures.element(block, "Expiration").flatMap(QuerySecurityTokenService::instant);
            if (key.isPresent() && secret.isPresent() && token.isPresent() && expiration.isPresent()) {
                return new TemporaryCredentials(key.get(), secret.get(), token.get(), expiration.get());
            }
        }
        throw new StsException(
                StsException.Reason.OTHER,
                "STS at " + call.endpoint() + " answered " + call.operation()
                        + " without complete credentials; check that the endpoint is really STS");
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static void sleep(int attempt) {
        long ceiling = Math.min(BACKOFF_CAP_MILLIS, BACKOFF_BASE_MILLIS << Math.min(attempt, 16));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StsException(StsException.Reason.OTHER, "interrupted while waiting to call STS again", e);
        }
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (out.size() + n > MAX_BODY) {
                    throw new IOException("the answer is larger than " + MAX_BODY + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** RFC 3986 percent-encoding, as SigV4 and STS's form decoding agree on. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }

    @Override
    public String toString() {
        return "QuerySecurityTokenService[maxAttempts=" + maxAttempts + "]";
    }
}
