package io.rolehop.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.UsageException;
import io.rolehop.application.port.out.AccessKeyException;
import io.rolehop.application.port.out.StsException;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.LongTermCredentials;
import io.rolehop.domain.Region;
import io.rolehop.testing.MotoServer;
import io.rolehop.testing.MotoServer.IamUser;
import io.rolehop.testing.StsProxy;
import io.rolehop.testing.StsProxy.Fault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The IAM access-key adapter against a real moto_server that checks signatures and identity policies, with IAM and
 * STS behind a proxy that injects faults into one action at a time: keys are created and deleted for the user who
 * signs, the new key is who its user is, and every failure is one line without a secret.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IamAccessKeyManagerTest {
    private static final Region REGION = Region.of(MotoServer.REGION);
    private static final AtomicInteger NAMES = new AtomicInteger();

    @RegisterExtension
    final MotoServer moto = new MotoServer();

    @RegisterExtension
    final StsProxy proxy = new StsProxy(moto);

    private IamAccessKeyManager keys;

    @BeforeAll
    void setUp() {
        keys = new IamAccessKeyManager(env(), Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(45));
    }

    @AfterAll
    void tearDown() {
        keys.close();
    }

    /** IAM and STS both through the proxy. */
    private Map<String, String> env() {
        Map<String, String> env = proxy.env();
        env.put("AWS_ENDPOINT_URL_IAM", proxy.endpoint().toString());
        return env;
    }

    private IamUser user() {
        String name = "rotating-" + NAMES.incrementAndGet();
        return moto.createUser(name, MotoServer.OWN_ACCESS_KEYS_POLICY);
    }

    private static void assertOneLineWithoutSecrets(String message, AwsCredentials... credentials) {
        for (AwsCredentials c : credentials) {
            assertFalse(message.contains(c.secretAccessKey()), () -> "secret in: " + message);
        }
        assertFalse(message.contains("\n"), () -> "not one line: " + message);
    }

    @Test
    void createsAKeyOfTheUserWhoSignsAndDeletesTheOldOne() {
        IamUser alice = user();

        assertEquals(alice.arn(), keys.whoami(alice.credentials(), REGION));
        LongTermCredentials fresh = keys.createAccessKey(alice.credentials(), REGION);

        assertEquals(List.of(alice.accessKeyId(), fresh.accessKeyId()), moto.accessKeysOf(alice.name()));
        assertEquals(alice.arn(), keys.whoami(fresh, REGION));
        assertEquals(alice.arn(), moto.callerIdentity(fresh));

        keys.deleteAccessKey(fresh, REGION, alice.accessKeyId());

        assertEquals(List.of(fresh.accessKeyId()), moto.accessKeysOf(alice.name()));
        StsException gone = assertThrows(StsException.class, () -> keys.whoami(alice.credentials(), REGION));
        assertEquals(StsException.Reason.INVALID_CREDENTIALS, gone.reason(), gone::getMessage);
        assertEquals(1, proxy.count("CreateAccessKey"));
        assertEquals(1, proxy.count("DeleteAccessKey"));
    }

    @Test
    void aThirdKeyIsRefusedAsTheLimitAndNothingIsCreated() {
        IamUser alice = user();
        keys.createAccessKey(alice.credentials(), REGION);

        AccessKeyException e =
                assertThrows(AccessKeyException.class, () -> keys.createAccessKey(alice.credentials(), REGION));

        assertEquals(AccessKeyException.Reason.LIMIT_EXCEEDED, e.reason(), e::getMessage);
        assertTrue(e.getMessage().contains("two access keys"), e::getMessage);
        assertEquals(2, moto.accessKeysOf(alice.name()).size());
    }

    @Test
    void aUserWithoutPermissionIsDeniedInOneLine() {
        IamUser bob = moto.createUser("bob-" + NAMES.incrementAndGet());

        AccessKeyException e =
                assertThrows(AccessKeyException.class, () -> keys.createAccessKey(bob.credentials(), REGION));

        assertEquals(AccessKeyException.Reason.ACCESS_DENIED, e.reason(), e::getMessage);
        assertTrue(e.getMessage().contains("iam:CreateAccessKey"), e::getMessage);
        assertOneLineWithoutSecrets(e.getMessage(), bob.credentials());
        assertEquals(List.of(bob.accessKeyId()), moto.accessKeysOf(bob.name()));
    }

    @Test
    void aWrongSecretIsRefusedAndNamesOnlyTheKeyId() {
        IamUser alice = user();
        LongTermCredentials wrong = new LongTermCredentials(alice.accessKeyId(), "not-the-secret-of-alice-at-all");

        AccessKeyException e = assertThrows(AccessKeyException.class, () -> keys.createAccessKey(wrong, REGION));

        assertEquals(AccessKeyException.Reason.INVALID_CREDENTIALS, e.reason(), e::getMessage);
        assertTrue(e.getMessage().contains(alice.accessKeyId()), e::getMessage);
        assertOneLineWithoutSecrets(e.getMessage(), wrong, alice.credentials());
    }

    @Test
    void deletingAKeyThatIsGoneIsNotFound() {
        IamUser alice = user();

        AccessKeyException e = assertThrows(
                AccessKeyException.class,
                () -> keys.deleteAccessKey(alice.credentials(), REGION, "AKIAIOSFODNN7NOTHERE"));

        assertEquals(AccessKeyException.Reason.NOT_FOUND, e.reason(), e::getMessage);
    }

    @Test
    void transientFaultsOfEachCallAreRetried() {
        IamUser alice = user();
        proxy.failNext("CreateAccessKey", Fault.status(503));
        proxy.failNext("GetCallerIdentity", Fault.throttling());

        LongTermCredentials fresh = keys.createAccessKey(alice.credentials(), REGION);
        assertEquals(alice.arn(), keys.whoami(fresh, REGION));
        proxy.failNext("DeleteAccessKey", Fault.status(500));
        keys.deleteAccessKey(fresh, REGION, alice.accessKeyId());

        assertEquals(2, proxy.count("CreateAccessKey"));
        assertEquals(2, proxy.count("GetCallerIdentity"));
        assertEquals(2, proxy.count("DeleteAccessKey"));
        assertEquals(List.of(fresh.accessKeyId()), moto.accessKeysOf(alice.name()));
    }

    @Test
    void aFaultOnEveryAttemptFailsOnceWithTheCall() {
        IamUser alice = user();
        for (int i = 0; i < StsSecurityTokenService.MAX_ATTEMPTS; i++) {
            proxy.failNext("DeleteAccessKey", Fault.status(500));
        }

        AccessKeyException e = assertThrows(
                AccessKeyException.class, () -> keys.deleteAccessKey(alice.credentials(), REGION, alice.accessKeyId()));

        assertEquals(AccessKeyException.Reason.OTHER, e.reason(), e::getMessage);
        assertTrue(e.getMessage().contains("delete access key " + alice.accessKeyId()), e::getMessage);
        assertEquals(List.of(alice.accessKeyId()), moto.accessKeysOf(alice.name()), "nothing was deleted");
    }

    @Test
    void anUnreachableIamSaysWhichVariableToCheck() {
        IamUser alice = user();
        Map<String, String> env = env();
        env.put("AWS_ENDPOINT_URL_IAM", "http://127.0.0.1:9");
        try (IamAccessKeyManager unreachable =
                new IamAccessKeyManager(env, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(10))) {
            AccessKeyException e = assertThrows(
                    AccessKeyException.class, () -> unreachable.createAccessKey(alice.credentials(), REGION));

            assertEquals(AccessKeyException.Reason.UNREACHABLE, e.reason(), e::getMessage);
            assertTrue(e.getMessage().contains("AWS_ENDPOINT_URL_IAM"), e::getMessage);
        }
    }

    @Nested
    class Endpoints {

        @Test
        void theIamVariableWinsOverTheGeneralOne() {
            IamAccessKeyManager manager = new IamAccessKeyManager(Map.of(
                    "AWS_ENDPOINT_URL_IAM", "http://localhost:4566", "AWS_ENDPOINT_URL", "http://localhost:9999"));
            assertEquals(URI.create("http://localhost:4566"), manager.iamEndpointFor(REGION));
        }

        @Test
        void theGeneralVariableServesWhenTheIamOneIsUnset() {
            IamAccessKeyManager manager = new IamAccessKeyManager(Map.of(
                    "AWS_ENDPOINT_URL_STS", "http://localhost:4566", "AWS_ENDPOINT_URL", "http://localhost:9999"));
            assertEquals(URI.create("http://localhost:9999"), manager.iamEndpointFor(REGION));
        }

        @Test
        void withoutVariablesThePartitionsGlobalEndpointServes() {
            IamAccessKeyManager manager = new IamAccessKeyManager(Map.of());
            assertEquals(URI.create("https://iam.amazonaws.com"), manager.iamEndpointFor(Region.of("eu-west-1")));
            assertEquals(
                    URI.create("https://iam.cn-north-1.amazonaws.com.cn"),
                    manager.iamEndpointFor(Region.of("cn-northwest-1")));
            assertEquals(
                    URI.create("https://iam.us-gov.amazonaws.com"), manager.iamEndpointFor(Region.of("us-gov-east-1")));
        }

        @Test
        void configuredEndpointsCanBeIgnoredAsTheAwsCliDoes() {
            IamAccessKeyManager manager = new IamAccessKeyManager(Map.of(
                    "AWS_ENDPOINT_URL_IAM", "http://localhost:4566", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));
            assertEquals(URI.create("https://iam.amazonaws.com"), manager.iamEndpointFor(REGION));
        }

        @Test
        void aMalformedEndpointIsAUsageErrorNamingTheVariable() {
            IamAccessKeyManager manager = new IamAccessKeyManager(Map.of("AWS_ENDPOINT_URL_IAM", "localhost:4566"));
            UsageException e = assertThrows(UsageException.class, () -> manager.iamEndpointFor(REGION));
            assertTrue(e.getMessage().startsWith("AWS_ENDPOINT_URL_IAM is 'localhost:4566'"), e::getMessage);
        }
    }
}
