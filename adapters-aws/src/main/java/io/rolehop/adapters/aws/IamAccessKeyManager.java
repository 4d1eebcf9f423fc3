package io.rolehop.adapters.aws;

import io.rolehop.adapters.aws.IamErrors.IamCall;
import io.rolehop.application.port.out.AccessKeyException;
import io.rolehop.application.port.out.AccessKeyManager;
import io.rolehop.application.port.out.StsException;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.LongTermCredentials;
import io.rolehop.domain.Partition;
import io.rolehop.domain.Region;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;

/**
 * {@link AccessKeyManager} on the AWS SDK for Java v2: IAM's {@code CreateAccessKey} and {@code DeleteAccessKey},
 * and STS's {@code GetCallerIdentity}.
 *
 * <p>IAM's endpoint is {@code AWS_ENDPOINT_URL_IAM}, else {@code AWS_ENDPOINT_URL}, else the global endpoint of the
 * region's partition ({@code https://iam.amazonaws.com}, signed for {@code us-east-1}; {@code cn-north-1} in China,
 * {@code us-gov-west-1} in GovCloud); STS's is the one {@link StsSecurityTokenService} uses. Both variables are
 * ignored when {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS} is {@code true}, and read from the environment given to the
 * constructor. As for STS, each request is signed with the caller it carries, the clients read no AWS file, and
 * throttling, HTTP 5xx and I/O faults are retried, {@value StsSecurityTokenService#MAX_ATTEMPTS} attempts in all.
 * {@code UserName} is never sent: IAM acts on the user who signs.
 *
 * <p>Thread-safe. {@link #close()} releases the clients.
 */
public final class IamAccessKeyManager implements AccessKeyManager, AutoCloseable {
    private final Map<String, String> environment;
    private final SdkClients.Limits limits;
    private final ConcurrentMap<Target, IamClient> iam = new ConcurrentHashMap<>();
    private final ConcurrentMap<Target, StsClient> sts = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private record Target(String region, URI endpoint) {}

    /**
     * With the timeouts of {@link StsSecurityTokenService}.
     *
     * @param environment the process environment ({@code System.getenv()}) or a test's stand-in
     */
    public IamAccessKeyManager(Map<String, String> environment) {
        this(
                environment,
                StsSecurityTokenService.DEFAULT_CONNECT_TIMEOUT,
                StsSecurityTokenService.DEFAULT_READ_TIMEOUT,
                StsSecurityTokenService.DEFAULT_CALL_TIMEOUT);
    }

    /**
     * With the given timeouts per attempt and per call, retries included.
     *
     * @param environment the process environment ({@code System.getenv()}) or a test's stand-in
     */
    public IamAccessKeyManager(
            Map<String, String> environment, Duration connectTimeout, Duration readTimeout, Duration callTimeout) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.limits =
                new SdkClients.Limits(connectTimeout, readTimeout, callTimeout, StsSecurityTokenService.MAX_ATTEMPTS);
    }

    @Override
    public String whoami(AwsCredentials credentials, Region region) {
        Objects.requireNonNull(credentials, "credentials");
        URI endpoint = StsEndpoints.endpointFor(environment, region);
        StsCall call = StsCall.getCallerIdentity(endpoint, credentials);
        try {
            String arn = client(sts, new Target(region.code(), endpoint), StsClient::builder)
                    .getCallerIdentity(GetCallerIdentityRequest.builder()
                            .overrideConfiguration(o -> o.credentialsProvider(SdkClients.signedBy(credentials)))
                            .build())
                    .arn();
            if (arn == null || arn.isBlank()) {
                throw new StsException(
                        StsException.Reason.OTHER,
                        "STS at " + endpoint + " answered"
                                + " GetCallerIdentity without an ARN; check that the endpoint is really STS");
            }
            return arn;
        } catch (SdkException e) {
            throw StsErrors.translate(e, call);
        }
    }

    @Override
    public LongTermCredentials createAccessKey(AwsCredentials caller, Region region) {
        Objects.requireNonNull(caller, "caller");
        Target target = iamTarget(region);
        IamCall call = new IamCall(
                "CreateAccessKey",
                "create an access key for its user",
                target.endpoint(),
                caller.accessKeyId(),
                StsCall.secretsOf(caller));
        AccessKey key;
        try {
            key = client(iam, target, IamClient::builder)
                    .createAccessKey(CreateAccessKeyRequest.builder()
                            .overrideConfiguration(o -> o.credentialsProvider(SdkClients.signedBy(caller)))
                            .build())
                    .accessKey();
        } catch (SdkException e) {
            throw IamErrors.translate(e, call);
        }
        if (key == null || key.accessKeyId() == null || key.secretAccessKey() == null) {
            throw new AccessKeyException(
                    AccessKeyException.Reason.OTHER,
                    "IAM at " + target.endpoint()
                            + " answered CreateAccessKey without a complete key; check that the endpoint is really"
                            + " IAM");
        }
        return new LongTermCredentials(key.accessKeyId(), key.secretAccessKey());
    }

    @Override
    public void deleteAccessKey(AwsCredentials caller, Region region, String accessKeyId) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Target target = iamTarget(region);
        IamCall call = new IamCall(
                "DeleteAccessKey",
                "delete access key " + accessKeyId,
                target.endpoint(),
                caller.accessKeyId(),
                StsCall.secretsOf(caller));
        try {
            client(iam, target, IamClient::builder)
                    .deleteAccessKey(DeleteAccessKeyRequest.builder()
                            .accessKeyId(accessKeyId)
                            .overrideConfiguration(o -> o.credentialsProvider(SdkClients.signedBy(caller)))
                            .build());
        } catch (SdkException e) {
            throw IamErrors.translate(e, call);
        }
    }

    /**
     * The IAM endpoint used for {@code region}: the configured one, else the partition's global endpoint.
     *
     * @throws io.rolehop.application.UsageException when an endpoint variable holds no http(s) URL
     */
    public URI iamEndpointFor(Region region) {
        return iamTarget(region).endpoint();
    }

    /** IAM is one endpoint per partition, signed for the partition's first region. */
    private Target iamTarget(Region region) {
        Partition partition = Objects.requireNonNull(region, "region").partition();
        String signingRegion = switch (partition) {
            case AWS -> "us-east-1";
            case AWS_CN -> "cn-north-1";
            case AWS_US_GOV -> "us-gov-west-1";
        };
        URI global = switch (partition) {
            case AWS -> URI.create("https://iam.amazonaws.com");
            case AWS_CN -> URI.create("https://iam.cn-north-1.amazonaws.com.cn");
            case AWS_US_GOV -> URI.create("https://iam.us-gov.amazonaws.com");
        };
        return new Target(
                signingRegion,
                ConfiguredEndpoints.configured(environment, "IAM", "https://iam.amazonaws.com")
                        .orElse(global));
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
            ConcurrentMap<Target, C> clients, Target target, Supplier<B> builder) {
        if (closed) {
            throw new IllegalStateException("this IamAccessKeyManager is closed");
        }
        return clients.computeIfAbsent(target, t -> SdkClients.build(builder.get(), t.region(), t.endpoint(), limits));
    }

    /** Closes every client built so far; later calls fail. */
    @Override
    public void close() {
        closed = true;
        iam.values().forEach(IamClient::close);
        sts.values().forEach(StsClient::close);
        iam.clear();
        sts.clear();
    }

    @Override
    public String toString() {
        return "IamAccessKeyManager[iam=" + iam.keySet() + ", sts=" + sts.keySet() + "]";
    }
}
