package io.rolehop.adapters.aws;

import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.TemporaryCredentials;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * How rolehop builds an AWS SDK client, whatever the service: an explicit endpoint and region, no credentials of the
 * client's own (each request carries its caller's), no read of {@code ~/.aws/config} or {@code ~/.aws/credentials}
 * (which rolehop itself writes under a lock), bounded timeouts and the SDK's standard retries.
 */
final class SdkClients {
    private static final ProfileFile NO_PROFILES = ProfileFile.aggregator().build();
    private static final Supplier<ProfileFile> NO_PROFILES_SUPPLIER = () -> NO_PROFILES;
    private static final List<String> PROFILE_FILE_PROPERTIES = List.of("aws.configFile", "aws.sharedCredentialsFile");
    private static final String NO_SUCH_FILE = Path.of(
                    System.getProperty("java.io.tmpdir"), "rolehop-no-aws-profile-" + UUID.randomUUID(), "none")
            .toString();
    /** Client-level credentials that refuse, so a request without its own caller can never fall back to anything. */
    private static final AwsCredentialsProvider NO_CLIENT_CREDENTIALS = () -> {
        throw SdkClientException.create("rolehop signs every AWS request with the caller's credentials");
    };

    /** Timeouts of one attempt, of a whole call, and how many attempts a call may make. */
    record Limits(Duration connectTimeout, Duration readTimeout, Duration callTimeout, int maxAttempts) {
        Limits {
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(readTimeout, "readTimeout");
            requirePositive(callTimeout, "callTimeout");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be positive");
            }
        }
    }

    private SdkClients() {}

    /** Builds a client from {@code builder} for {@code region} at {@code endpoint}. */
    static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, String region, URI endpoint, Limits limits) {
        synchronized (PROFILE_FILE_PROPERTIES) {
            Map<String, String> saved = new HashMap<>();
            PROFILE_FILE_PROPERTIES.forEach(p -> saved.put(p, System.getProperty(p)));
            // SDK 2.40 primes its global defaults with ProfileFile.defaultProfileFile() while building a client, even
            // when the override configuration supplies a profile file, so a half-edited or malformed ~/.aws/config
            // would break the build. Pointing the SDK's own location properties at a file that does not exist, for
            // the duration of the build only, makes that read find nothing.
            PROFILE_FILE_PROPERTIES.forEach(p -> System.setProperty(p, NO_SUCH_FILE));
            try {
                return configure(builder, region, endpoint, limits).build();
            } finally {
                saved.forEach((p, v) -> {
                    if (v == null) {
                        System.clearProperty(p);
                    } else {
                        System.setProperty(p, v);
                    }
                });
            }
        }
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(
            B builder, String region, URI endpoint, Limits limits) {
        return builder.region(software.amazon.awssdk.regions.Region.of(region))
                .endpointOverride(endpoint)
                // The endpoint is always explicit: FIPS or dual-stack settings from elsewhere must not reshape it.
                .fipsEnabled(false)
                .dualstackEnabled(false)
                .credentialsProvider(NO_CLIENT_CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(limits.connectTimeout())
                        .socketTimeout(limits.readTimeout()))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(limits.maxAttempts())
                                .build())
                        .apiCallTimeout(limits.callTimeout())
                        // The SDK would otherwise read ~/.aws/config for defaults mode, retry mode and the like,
                        // racing rolehop's own locked writes of that file.
                        .defaultProfileFileSupplier(NO_PROFILES_SUPPLIER)
                        .defaultProfileName("default"));
    }

    /** Signs one request with {@code caller}. */
    static AwsCredentialsProvider signedBy(AwsCredentials caller) {
        if (caller instanceof TemporaryCredentials temporary) {
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    temporary.accessKeyId(), temporary.secretAccessKey(), temporary.sessionToken()));
        }
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(caller.accessKeyId(), caller.secretAccessKey()));
    }

    static Duration requirePositive(Duration value, String name) {
        java.util.Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
