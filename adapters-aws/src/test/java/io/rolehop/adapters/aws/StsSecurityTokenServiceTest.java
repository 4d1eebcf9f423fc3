package io.rolehop.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.UsageException;
import io.rolehop.application.port.out.AssumeRoleRequest;
import io.rolehop.application.port.out.SecurityTokenService;
import io.rolehop.domain.Region;
import io.rolehop.domain.RoleArn;
import io.rolehop.domain.RoleSessionName;
import io.rolehop.domain.SessionDuration;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.testing.MotoServer;
import io.rolehop.testing.StsProxy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;

/** The STS adapter on the AWS SDK: the contract, its endpoints, and the SDK's own habits kept away. */
class StsSecurityTokenServiceTest extends SecurityTokenServiceContractTest {

    @Override
    SecurityTokenService create(Map<String, String> env, Duration connectTimeout, Duration readTimeout) {
        return new StsSecurityTokenService(env, connectTimeout, readTimeout);
    }

    @Override
    int maxAttempts() {
        return StsSecurityTokenService.MAX_ATTEMPTS;
    }

    @Test
    void aWholeCallIsBoundedRetriesIncluded() {
        proxy.failNext(10, StsProxy.Fault.delay(Duration.ofSeconds(3)));
        try (StsSecurityTokenService bounded = new StsSecurityTokenService(
                proxy.env(), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(2_500))) {
            long start = System.nanoTime();

            io.rolehop.application.port.out.StsException e = assertThrows(
                    io.rolehop.application.port.out.StsException.class,
                    () -> bounded.assumeRole(assume(alice.credentials(), role1, "bounded")));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(io.rolehop.application.port.out.StsException.Reason.UNREACHABLE, e.reason(), e::getMessage);
            assertTrue(took.compareTo(Duration.ofSeconds(6)) < 0, "the call took " + took);
            assertTrue(
                    proxy.count("AssumeRole") < StsSecurityTokenService.MAX_ATTEMPTS,
                    "the bound cut the retries short: " + proxy.count("AssumeRole"));
        }
    }

    @Nested
    class Endpoints {
        private final Region euWest1 = Region.of("eu-west-1");

        @Test
        void theStsVariableWinsOverTheGeneralOne() {
            StsSecurityTokenService service = new StsSecurityTokenService(Map.of(
                    "AWS_ENDPOINT_URL_STS", "http://localhost:4566", "AWS_ENDPOINT_URL", "http://localhost:9999"));
            assertEquals(URI.create("http://localhost:4566"), service.endpointFor(euWest1));
        }

        @Test
        void theGeneralVariableServesWhenTheStsOneIsUnsetOrBlank() {
            StsSecurityTokenService service = new StsSecurityTokenService(
                    Map.of("AWS_ENDPOINT_URL_STS", " ", "AWS_ENDPOINT_URL", "https://proxy.example.com:8443"));
            assertEquals(URI.create("https://proxy.example.com:8443"), service.endpointFor(euWest1));
        }

        @Test
        void withoutVariablesTheRegionalEndpointOfThePartitionServes() {
            StsSecurityTokenService service = new StsSecurityTokenService(Map.of());
            assertEquals(URI.create("https://sts.eu-west-1.amazonaws.com"), service.endpointFor(euWest1));
            assertEquals(
                    URI.create("https://sts.cn-north-1.amazonaws.com.cn"),
                    service.endpointFor(Region.of("cn-north-1")));
            assertEquals(
                    URI.create("https://sts.us-gov-west-1.amazonaws.com"),
                    service.endpointFor(Region.of("us-gov-west-1")));
        }

        @Test
        void configuredEndpointsCanBeIgnoredAsTheAwsCliDoes() {
            StsSecurityTokenService service = new StsSecurityTokenService(Map.of(
                    "AWS_ENDPOINT_URL_STS", "http://localhost:4566", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));
            assertEquals(URI.create("https://sts.eu-west-1.amazonaws.com"), service.endpointFor(euWest1));
        }

        @Test
        void aMalformedEndpointIsAUsageErrorNamingTheVariable() {
            StsSecurityTokenService service = new StsSecurityTokenService(Map.of("AWS_ENDPOINT_URL", "localhost:4566"));
            UsageException e = assertThrows(UsageException.class, () -> service.endpointFor(euWest1));
            assertTrue(e.getMessage().startsWith("AWS_ENDPOINT_URL is 'localhost:4566'"), e::getMessage);
        }
    }

    /**
     * System properties stand in for the environment the SDK would otherwise consult: a broken shared config file,
     * a profile that does not exist and process-wide keys. A default SDK client trips over them; the adapter must not
     * look at them at all.
     */
    @Test
    void readsNeitherSharedFilesNorProcessCredentials(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("config"), "[profile broken\nregion = \n");
        Path credentials = Files.writeString(
                dir.resolve("credentials"),
                "[default]\naws_access_key_id = AKIAFROMTHEFILE00000\naws_secret_access_key = from-the-file\n");
        Map<String, String> properties = Map.of(
                "aws.configFile", config.toString(),
                "aws.sharedCredentialsFile", credentials.toString(),
                "aws.profile", "no-such-profile",
                "aws.accessKeyId", "AKIAFROMPROPERTIES00",
                "aws.secretAccessKey", "from-properties");
        Map<String, String> saved = new HashMap<>();
        properties.keySet().forEach(k -> saved.put(k, System.getProperty(k)));
        properties.forEach(System::setProperty);
        try {
            IllegalArgumentException control = assertThrows(
                    IllegalArgumentException.class,
                    () -> {
                        try (StsClient plain = StsClient.builder()
                                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                                .endpointOverride(moto.endpoint())
                                .credentialsProvider(StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(alice.accessKeyId(), alice.secretAccessKey())))
                                .build()) {
                            plain.getCallerIdentity();
                        }
                    },
                    "control: a default client reads the broken shared config file");
            assertTrue(control.getMessage().contains("Profile definition"), control::getMessage);
            try (StsSecurityTokenService isolated = new StsSecurityTokenService(proxy.env())) {
                TemporaryCredentials assumed = isolated.assumeRole(assume(alice.credentials(), role1, "isolated"));
                assertEquals(MotoServer.assumedRoleArn(roleName(role1), "isolated"), moto.callerIdentity(assumed));
            }
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    @Test
    void reusesOneClientPerRegionAndEndpoint() {
        try (StsSecurityTokenService service = new StsSecurityTokenService(proxy.env())) {
            assertEquals(0, service.clientCount(), "clients are built lazily");
            service.assumeRole(assume(alice.credentials(), role1, "one"));
            service.assumeRole(assume(alice.credentials(), role1, "two"));
            assertEquals(1, service.clientCount());
            AssumeRoleRequest elsewhere = new AssumeRoleRequest(
                    alice.credentials(),
                    Region.of("eu-west-1"),
                    RoleArn.of(role1),
                    RoleSessionName.of("three"),
                    SessionDuration.DEFAULT,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
            service.assumeRole(elsewhere);
            assertEquals(2, service.clientCount());
        }
        assertEquals(
                List.of("one", "two", "three"),
                proxy.parameters("AssumeRole").stream()
                        .map(p -> p.get("RoleSessionName"))
                        .toList());
    }
}
