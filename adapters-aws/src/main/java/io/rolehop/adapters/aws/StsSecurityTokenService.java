package io.rolehop.adapters.aws;

import io.rolehop.application.port.out.AssumeRoleRequest;
import io.rolehop.application.port.out.FederationTokenRequest;
import io.rolehop.application.port.out.FederationTokenService;
import io.rolehop.application.port.out.MfaToken;
import io.rolehop.application.port.out.SecurityTokenService;
import io.rolehop.application.port.out.SessionTokenRequest;
import io.rolehop.application.port.out.StsException;
import io.rolehop.domain.Region;
import io.rolehop.domain.TemporaryCredentials;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;

/**
 * {@link SecurityTokenService} on the AWS SDK for Java v2.
 *
 * <p>The endpoint is {@code AWS_ENDPOINT_URL_STS}, else {@code AWS_ENDPOINT_URL}, else the regional endpoint of the
 * request's region ({@code https://sts.REGION.amazonaws.com}, {@code .amazonaws.com.cn} in China); both variables
 * are ignored when {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS} is {@code true}, as the AWS CLI does. They are read
 * from the environment given to the constructor, never from the process. One client is built lazily per region and
 * endpoint. Each request is signed with the caller credentials it carries; the clients never look for credentials
 * of their own and never read {@code ~/.aws/config} or {@code ~/.aws/credentials}, which rolehop itself writes under
 * a lock. Throttling, HTTP 5xx and I/O faults are retried with the SDK's standard backoff, {@value #MAX_ATTEMPTS}
 * attempts in all.
 *
 * <p>Thread-safe. {@link #close()} releases the clients.
 */
public final class StsSecurityTokenService implements SecurityTokenService, FederationTokenService, AutoCloseable {
    /** How long to wait for a TCP connection to STS. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long to wait for STS to answer once connected. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);
    /** Attempts per call, the first one included. */
    public static final int MAX_ATTEMPTS = 4;
    /** How long one call may take in all, its retries and their backoff included. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(45);

    private final Map<String, String> environment;
    private final SdkClients.Limits limits;
    private final ConcurrentMap<ClientKey, StsClient> clients = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private record ClientKey(String region, URI endpoint) {}

    /**
     * An STS with the default timeouts.
     *
     * @param environment the process environment ({@code System.getenv()}) or a test's stand-in
     */
    public StsSecurityTokenService(Map<String, String> environment) {
        this(environment, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    /**
     * An STS with the given timeouts per attempt.
     *
     * @param environment the process environment ({@code System.getenv()}) or a test's stand-in
     */
    public StsSecurityTokenService(Map<String, String> environment, Duration connectTimeout, Duration readTimeout) {
        this(environment, connectTimeout, readTimeout, DEFAULT_CALL_TIMEOUT);
    }

    /**
     * An STS with the given timeouts per attempt, and {@code callTimeout} for a whole call, retries included: an
     * endpoint that accepts connections and never answers costs at most that, not every attempt's read timeout.
     *
     * @param environment the process environment ({@code System.getenv()}) or a test's stand-in
     */
    public StsSecurityTokenService(
            Map<String, String> environment, Duration connectTimeout, Duration readTimeout, Duration callTimeout) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.limits = new SdkClients.Limits(connectTimeout, readTimeout, callTimeout, MAX_ATTEMPTS);
    }

    @Override
    public TemporaryCredentials assumeRole(AssumeRoleRequest request) {
        Objects.requireNonNull(request, "request");
        URI endpoint = endpointFor(request.region());
        StsCall call = StsCall.assumeRole(
                endpoint,
                request.caller(),
                request.roleArn().value(),
                request.mfa().map(MfaToken::serialNumber));
        software.amazon.awssdk.services.sts.model.AssumeRoleRequest.Builder sdkRequest =
                software.amazon.awssdk.services.sts.model.AssumeRoleRequest.builder()
                        .roleArn(request.roleArn().value())
                        .roleSessionName(request.roleSessionName().value())
                        .durationSeconds(request.duration().seconds())
                        .overrideConfiguration(o -> o.credentialsProvider(SdkClients.signedBy(request.caller())));
        request.externalId().ifPresent(sdkRequest::externalId);
        request.sourceIdentity().ifPresent(sdkRequest::sourceIdentity);
        request.mfa()
                .ifPresent(mfa -> sdkRequest.serialNumber(mfa.serialNumber()).tokenCode(mfa.code()));
        AssumeRoleResponse response;
        try {
            response = client(request.region(), endpoint).assumeRole(sdkRequest.build());
        } catch (SdkException e) {
            throw StsErrors.translate(e, call);
        }
        return toDomain(response.credentials(), call);
    }

    @Override
    public TemporaryCredentials getSessionToken(SessionTokenRequest request) {
        Objects.requireNonNull(request, "request");
        URI endpoint = endpointFor(request.region());
        StsCall call = StsCall.getSessionToken(
                endpoint, request.caller(), request.mfa().map(MfaToken::serialNumber));
        software.amazon.awssdk.services.sts.model.GetSessionTokenRequest.Builder sdkRequest =
                software.amazon.awssdk.services.sts.model.GetSessionTokenRequest.builder()
                        .durationSeconds(Math.toIntExact(request.duration().toSeconds()))
                        .overrideConfiguration(o -> o.credentialsProvider(SdkClients.signedBy(request.caller())));
        request.mfa()
                .ifPresent(mfa -> sdkRequest.serialNumber(mfa.serialNumber()).tokenCode(mfa.code()));
        GetSessionTokenResponse response;
        try {
            response = client(request.region(), endpoint).getSessionToken(sdkRequest.build());
        } catch (SdkException e) {
            throw StsErrors.translate(e, call);
        }
        return toDomain(response.credentials(), call);
    }

    @Override
    public TemporaryCredentials getFederationToken(FederationTokenRequest request) {
        Objects.requireNonNull(request, "request");
        URI endpoint = endpointFor(request.region());
        StsCall call = StsCall.getFederationToken(endpoint, request.caller());
        software.amazon.awssdk.services.sts.model.GetFederationTokenRequest sdkRequest =
                software.amazon.awssdk.services.sts.model.GetFederationTokenRequest.builder()
                        .name(request.name())
                        .policy(request.policy())
                        .durationSeconds(Math.toIntExact(request.duration().toSeconds()))
                        .overrideConfiguration(o -> o.credentialsProvider(SdkClients.signedBy(request.caller())))
                        .build();
        GetFederationTokenResponse response;
        try {
            response = client(request.region(), endpoint).getFederationToken(sdkRequest);
        } catch (SdkException e) {
            throw StsErrors.translate(e, call);
        }
        return toDomain(response.credentials(), call);
    }

    /**
     * The STS endpoint used for {@code region}.
     *
     * @throws UsageException when an endpoint variable holds no http(s) URL
     */
    public URI endpointFor(Region region) {
        return StsEndpoints.endpointFor(environment, region);
    }

    private StsClient client(Region region, URI endpoint) {
        if (closed) {
            throw new IllegalStateException("this StsSecurityTokenService is closed");
        }
        return clients.computeIfAbsent(new ClientKey(region.code(), endpoint), this::build);
    }

    private StsClient build(ClientKey key) {
        return SdkClients.build(StsClient.builder(), key.region(), key.endpoint(), limits);
    }

    private static TemporaryCredentials toDomain(Credentials credentials, StsCall call) {
        if (credentials == null
                || credentials.accessKeyId() == null
                || credentials.secretAccessKey() == null
                || credentials.sessionToken() == null
                || credentials.expiration() == null) {
            throw new StsException(
                    StsException.Reason.OTHER,
                    "STS at " + call.endpoint() + " answered " + call.operation()
                            + " without complete credentials; check that the endpoint is really STS");
        }
        return new TemporaryCredentials(
                credentials.accessKeyId(),
                credentials.secretAccessKey(),
                credentials.sessionToken(),
                credentials.expiration());
    }

    /** How many clients were built so far: one per region and endpoint. */
    int clientCount() {
        return clients.size();
    }

    /** Closes every client built so far; later calls fail. */
    @Override
    public void close() {
        closed = true;
        clients.values().forEach(StsClient::close);
        clients.clear();
    }

    @Override
    public String toString() {
        return "StsSecurityTokenService[clients=" + clients.keySet() + "]";
    }
}
