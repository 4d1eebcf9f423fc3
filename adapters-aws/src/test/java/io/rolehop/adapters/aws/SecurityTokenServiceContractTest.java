package io.rolehop.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.port.out.AssumeRoleRequest;
import io.rolehop.application.port.out.MfaToken;
import io.rolehop.application.port.out.SecurityTokenService;
import io.rolehop.application.port.out.SessionTokenRequest;
import io.rolehop.application.port.out.StsException;
import io.rolehop.application.port.out.StsException.Reason;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.LongTermCredentials;
import io.rolehop.domain.Region;
import io.rolehop.domain.RoleArn;
import io.rolehop.domain.RoleSessionName;
import io.rolehop.domain.SessionDuration;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.testing.AwsCli;
import io.rolehop.testing.MotoServer;
import io.rolehop.testing.MotoServer.IamUser;
import io.rolehop.testing.StsProxy;
import io.rolehop.testing.StsProxy.Fault;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link SecurityTokenService} adapter must do, against a real moto_server that checks signatures,
 * identity policies and trust policies, behind a proxy that counts requests and injects faults: the calls, their
 * parameters, the identities they yield, and the failures, each reported once on one line without a secret.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecurityTokenServiceContractTest {
    @RegisterExtension
    final MotoServer moto = new MotoServer();

    @RegisterExtension
    final StsProxy proxy = new StsProxy(moto);

    static final Region REGION = Region.of(MotoServer.REGION);
    private static final AtomicInteger NAMES = new AtomicInteger();

    SecurityTokenService sts;
    IamUser alice;
    String role1;

    /** The adapter under test, reading endpoints from {@code env}, with these timeouts per attempt. */
    abstract SecurityTokenService create(Map<String, String> env, Duration connectTimeout, Duration readTimeout);

    /** The attempts the adapter makes per call, the first one included. */
    abstract int maxAttempts();

    @BeforeAll
    void setUp() {
        sts = create(proxy.env(), Duration.ofSeconds(5), Duration.ofSeconds(20));
        alice = moto.createUser(unique("alice"));
        role1 = moto.createRole(unique("role1"), alice.arn());
    }

    @AfterAll
    void tearDown() throws Exception {
        closing(sts).close();
    }

    static AutoCloseable closing(SecurityTokenService service) {
        return () -> {
            if (service instanceof AutoCloseable closeable) {
                closeable.close();
            }
        };
    }

    static String unique(String name) {
        return name + "-" + NAMES.incrementAndGet();
    }

    static AssumeRoleRequest assume(AwsCredentials caller, String roleArn, String sessionName) {
        return new AssumeRoleRequest(
                caller,
                REGION,
                RoleArn.of(roleArn),
                RoleSessionName.of(sessionName),
                SessionDuration.DEFAULT,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    static String roleName(String arn) {
        return RoleArn.of(arn).roleName();
    }

    static void assertNoSecretIn(String message, AwsCredentials... credentials) {
        for (AwsCredentials c : credentials) {
            assertFalse(message.contains(c.secretAccessKey()), () -> "secret key in: " + message);
            if (c instanceof TemporaryCredentials t) {
                assertFalse(message.contains(t.sessionToken()), () -> "session token in: " + message);
            }
        }
        assertFalse(message.contains("\n"), () -> "not one line: " + message);
    }

    @Test
    void assumesARoleWithAUsersKeys() {
        Instant before = Instant.now();
        TemporaryCredentials credentials = sts.assumeRole(assume(alice.credentials(), role1, "first"));

        assertEquals(MotoServer.assumedRoleArn(roleName(role1), "first"), moto.callerIdentity(credentials));
        assertTrue(credentials.accessKeyId().startsWith("ASIA"), credentials::accessKeyId);
        Duration lifetime = Duration.between(before, credentials.expiration());
        assertTrue(
                lifetime.compareTo(Duration.ofSeconds(3_500)) > 0 && lifetime.compareTo(Duration.ofSeconds(3_700)) < 0,
                lifetime::toString);
        assertEquals(1, proxy.count("AssumeRole"));
        Map<String, String> sent = proxy.parameters("AssumeRole").get(0);
        assertEquals(role1, sent.get("RoleArn"));
        assertEquals("first", sent.get("RoleSessionName"));
        assertEquals("3600", sent.get("DurationSeconds"));
    }

    @Test
    void issuesCredentialsTheAwsCliAccepts(@TempDir Path dir) throws IOException {
        TemporaryCredentials credentials = sts.assumeRole(assume(alice.credentials(), role1, "for-the-cli"));
        Path credentialsFile = Files.writeString(
                dir.resolve("credentials"),
                "[dev]\n"
                        + "aws_access_key_id = " + credentials.accessKeyId() + "\n"
                        + "aws_secret_access_key = " + credentials.secretAccessKey() + "\n"
                        + "aws_session_token = " + credentials.sessionToken() + "\n");
        Path configFile = Files.writeString(dir.resolve("config"), "[profile dev]\nregion = us-east-1\n");
        AwsCli aws = new AwsCli(proxy.env())
                .with("AWS_SHARED_CREDENTIALS_FILE", credentialsFile)
                .with("AWS_CONFIG_FILE", configFile);

        assertEquals(MotoServer.assumedRoleArn(roleName(role1), "for-the-cli"), aws.callerArn("dev"));
        assertEquals(1, proxy.count("GetCallerIdentity"), "the AWS CLI went through the proxy too");
        AwsCli.Result unknown = aws.run("sts", "get-caller-identity", "--profile", "nobody");
        assertFalse(unknown.succeeded());
        assertTrue(unknown.stderr().contains("nobody"), unknown::stderr);
    }

    @Test
    void passesExternalIdSourceIdentityAndMfaAlong() {
        String externalId = "ext-" + NAMES.incrementAndGet();
        String role = moto.createRoleWithTrustPolicy(
                unique("with-external-id"), MotoServer.trustPolicyWithExternalId(externalId, alice.arn()));
        AssumeRoleRequest request = new AssumeRoleRequest(
                alice.credentials(),
                REGION,
                RoleArn.of(role),
                RoleSessionName.of("extra"),
                new SessionDuration(7_200),
                Optional.of(externalId),
                Optional.of("alice@example.com"),
                Optional.of(new MfaToken("GAHT12345678", "123456")));

        TemporaryCredentials credentials = sts.assumeRole(request);

        assertEquals(MotoServer.assumedRoleArn(roleName(role), "extra"), moto.callerIdentity(credentials));
        Map<String, String> sent = proxy.parameters("AssumeRole").get(0);
        assertEquals(externalId, sent.get("ExternalId"));
        assertEquals("alice@example.com", sent.get("SourceIdentity"));
        assertEquals("GAHT12345678", sent.get("SerialNumber"));
        assertEquals("123456", sent.get("TokenCode"));
        assertEquals("7200", sent.get("DurationSeconds"));
    }

    @Test
    void aWrongExternalIdIsDenied() {
        String role = moto.createRoleWithTrustPolicy(
                unique("needs-external-id"), MotoServer.trustPolicyWithExternalId("right-one", alice.arn()));
        AssumeRoleRequest request = new AssumeRoleRequest(
                alice.credentials(),
                REGION,
                RoleArn.of(role),
                RoleSessionName.of("wrong"),
                SessionDuration.DEFAULT,
                Optional.of("wrong-one"),
                Optional.empty(),
                Optional.empty());

        StsException e = assertThrows(StsException.class, () -> sts.assumeRole(request));

        assertEquals(Reason.ACCESS_DENIED, e.reason(), e::getMessage);
    }

    @Test
    void chainsFromARoleSessionTheNextRoleTrusts() {
        TemporaryCredentials first = sts.assumeRole(assume(alice.credentials(), role1, "hop1"));
        String role2 = moto.createRole(unique("role2"), MotoServer.assumedRoleArn(roleName(role1), "hop1"));

        TemporaryCredentials second = sts.assumeRole(assume(first, role2, "hop2"));

        assertEquals(MotoServer.assumedRoleArn(roleName(role2), "hop2"), moto.callerIdentity(second));
        assertEquals(2, proxy.count("AssumeRole"));
    }

    @Test
    void deniesARoleSessionTheRoleDoesNotTrust() {
        TemporaryCredentials first = sts.assumeRole(assume(alice.credentials(), role1, "untrusted"));
        String onlyAlice = moto.createRole(unique("only-alice"), alice.arn());

        StsException e = assertThrows(StsException.class, () -> sts.assumeRole(assume(first, onlyAlice, "hop2")));

        assertEquals(Reason.ACCESS_DENIED, e.reason(), e::getMessage);
        assertTrue(e.getMessage().contains(onlyAlice), e::getMessage);
        assertTrue(e.getMessage().contains(first.accessKeyId()), e::getMessage);
        assertTrue(e.getMessage().contains("trust policy"), e::getMessage);
        assertNoSecretIn(e.getMessage(), first, alice.credentials());
        assertEquals(2, proxy.count("AssumeRole"), "access denied is not retried");
    }

    @Test
    void deniesAUserWhosePoliciesDoNotAllowAssumeRole() {
        IamUser nobody = moto.createUser(
                unique("nobody"),
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\","
                        + "\"Resource\":\"*\"}]}");
        String role = moto.createRole(unique("trusts-nobody"), nobody.arn());

        StsException e =
                assertThrows(StsException.class, () -> sts.assumeRole(assume(nobody.credentials(), role, "denied")));

        assertEquals(Reason.ACCESS_DENIED, e.reason(), e::getMessage);
        assertTrue(
                e.getMessage().contains(nobody.accessKeyId()) && e.getMessage().contains(role), e::getMessage);
        assertNoSecretIn(e.getMessage(), nobody.credentials());
    }

    @Test
    void aWrongSecretIsInvalidCredentials() {
        LongTermCredentials wrong =
                new LongTermCredentials(alice.accessKeyId(), "wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGKEY1");

        StsException e = assertThrows(StsException.class, () -> sts.assumeRole(assume(wrong, role1, "wrong")));

        assertEquals(Reason.INVALID_CREDENTIALS, e.reason(), e::getMessage);
        assertTrue(e.getMessage().contains(alice.accessKeyId()), e::getMessage);
        assertTrue(e.getMessage().contains("secret access key is wrong"), e::getMessage);
        assertNoSecretIn(e.getMessage(), wrong, alice.credentials());
        assertEquals(1, proxy.count("AssumeRole"), "a bad signature is not retried");
    }

    @Test
    void anUnknownAccessKeyIsInvalidCredentials() {
        LongTermCredentials unknown = new LongTermCredentials("AKIAUNKNOWN000000000", "some-secret-value");

        StsException e = assertThrows(
                StsException.class,
                () -> sts.getSessionToken(
                        new SessionTokenRequest(unknown, REGION, Duration.ofHours(1), Optional.empty())));

        assertEquals(Reason.INVALID_CREDENTIALS, e.reason(), e::getMessage);
        assertTrue(e.getMessage().contains("AKIAUNKNOWN000000000"), e::getMessage);
        assertNoSecretIn(e.getMessage(), unknown);
    }

    @Test
    void getsASessionTokenWithMfa() {
        Instant before = Instant.now();
        TemporaryCredentials token = sts.getSessionToken(new SessionTokenRequest(
                alice.credentials(),
                REGION,
                Duration.ofHours(12),
                Optional.of(new MfaToken("arn:aws:iam::123456789012:mfa/alice", "654321"))));

        Duration lifetime = Duration.between(before, token.expiration());
        assertTrue(
                lifetime.compareTo(Duration.ofHours(12).minusMinutes(2)) > 0
                        && lifetime.compareTo(Duration.ofHours(12).plusMinutes(2)) < 0,
                lifetime::toString);
        assertEquals(1, proxy.count("GetSessionToken"));
        Map<String, String> sent = proxy.parameters("GetSessionToken").get(0);
        assertEquals("43200", sent.get("DurationSeconds"));
        assertEquals("arn:aws:iam::123456789012:mfa/alice", sent.get("SerialNumber"));
        assertEquals("654321", sent.get("TokenCode"));
    }

    @Test
    void anMfaCodeStsRejectsIsReportedAsSuch() {
        proxy.failNext(
                1,
                Fault.error(
                        403, "AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code."));

        StsException e = assertThrows(
                StsException.class,
                () -> sts.getSessionToken(new SessionTokenRequest(
                        alice.credentials(),
                        REGION,
                        Duration.ofHours(1),
                        Optional.of(new MfaToken("arn:aws:iam::123456789012:mfa/alice", "000000")))));

        assertEquals(Reason.INVALID_MFA_CODE, e.reason(), e::getMessage);
        assertTrue(e.getMessage().startsWith("MFA code rejected"), e::getMessage);
        assertTrue(e.getMessage().contains("arn:aws:iam::123456789012:mfa/alice"), e::getMessage);
        assertFalse(e.getMessage().contains("000000"), e::getMessage);
        assertEquals(1, proxy.count("GetSessionToken"));
    }

    @Test
    void anMfaCodeRejectedOnAssumeRoleIsReportedAsSuch() {
        proxy.failNext(
                1,
                Fault.error(
                        403, "AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code."));
        AssumeRoleRequest request = new AssumeRoleRequest(
                alice.credentials(),
                REGION,
                RoleArn.of(role1),
                RoleSessionName.of("mfa"),
                SessionDuration.DEFAULT,
                Optional.empty(),
                Optional.empty(),
                Optional.of(new MfaToken("GAHT12345678", "111111")));

        StsException e = assertThrows(StsException.class, () -> sts.assumeRole(request));

        assertEquals(Reason.INVALID_MFA_CODE, e.reason(), e::getMessage);
        assertTrue(e.getMessage().contains(role1), e::getMessage);
    }

    @Test
    void anExpiredTokenIsReportedAsSuch() {
        TemporaryCredentials first = sts.assumeRole(assume(alice.credentials(), role1, "expiring"));
        proxy.failNext(1, Fault.error(400, "ExpiredToken", "The security token included in the request is expired"));

        StsException e = assertThrows(StsException.class, () -> sts.assumeRole(assume(first, role1, "after")));

        assertEquals(Reason.EXPIRED_TOKEN, e.reason(), e::getMessage);
        assertTrue(
                e.getMessage().contains(first.accessKeyId()) && e.getMessage().contains("expired"), e::getMessage);
        assertNoSecretIn(e.getMessage(), first);
    }

    @Test
    void aValidationErrorCarriesTheServicesMessage() {
        proxy.failNext(
                1,
                Fault.error(
                        400,
                        "ValidationError",
                        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."));

        StsException e =
                assertThrows(StsException.class, () -> sts.assumeRole(assume(alice.credentials(), role1, "invalid")));

        assertEquals(Reason.INVALID_REQUEST, e.reason(), e::getMessage);
        assertTrue(e.getMessage().contains("exceeds the MaxSessionDuration set for this role"), e::getMessage);
        assertTrue(e.getMessage().contains(role1), e::getMessage);
        assertEquals(1, proxy.count("AssumeRole"));
    }

    @Test
    void retriesThrottlingAndThenSucceeds() {
        proxy.failNext(2, Fault.throttling());

        TemporaryCredentials credentials = sts.assumeRole(assume(alice.credentials(), role1, "throttled"));

        assertEquals(MotoServer.assumedRoleArn(roleName(role1), "throttled"), moto.callerIdentity(credentials));
        assertEquals(3, proxy.count("AssumeRole"));
    }

    @Test
    void reportsPersistentThrottlingAfterBoundedAttempts() {
        proxy.failNext(10, Fault.throttling());

        StsException e =
                assertThrows(StsException.class, () -> sts.assumeRole(assume(alice.credentials(), role1, "throttled")));

        assertEquals(Reason.THROTTLED, e.reason(), e::getMessage);
        assertEquals(maxAttempts(), proxy.count("AssumeRole"));
        assertTrue(e.getMessage().contains(maxAttempts() + " attempts"), e::getMessage);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503})
    void retriesATransientServerErrorAndThenSucceeds(int status) {
        proxy.failNext(1, Fault.status(status));

        sts.assumeRole(assume(alice.credentials(), role1, "flaky"));

        assertEquals(2, proxy.count("AssumeRole"));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503})
    void reportsPersistentServerErrorsAfterBoundedAttempts(int status) {
        proxy.failNext(10, Fault.status(status));

        StsException e =
                assertThrows(StsException.class, () -> sts.assumeRole(assume(alice.credentials(), role1, "down")));

        assertEquals(Reason.OTHER, e.reason(), e::getMessage);
        assertEquals(maxAttempts(), proxy.count("AssumeRole"));
        assertTrue(e.getMessage().contains("HTTP " + status), e::getMessage);
        assertTrue(e.getMessage().contains(maxAttempts() + " attempts"), e::getMessage);
        assertTrue(e.getMessage().contains(proxy.endpoint().toString()), e::getMessage);
    }

    @Test
    void retriesAConnectionClosedWithoutAnswer() {
        proxy.failNext(1, Fault.closeConnection());

        sts.assumeRole(assume(alice.credentials(), role1, "dropped"));

        assertEquals(2, proxy.count("AssumeRole"));
    }

    @Test
    void retriesAnAnswerSlowerThanTheReadTimeout() throws Exception {
        SecurityTokenService impatient = create(proxy.env(), Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (AutoCloseable closing = closing(impatient)) {
            proxy.failNext(1, Fault.delay(Duration.ofSeconds(3)));

            TemporaryCredentials credentials = impatient.assumeRole(assume(alice.credentials(), role1, "slow"));

            assertEquals(MotoServer.assumedRoleArn(roleName(role1), "slow"), moto.callerIdentity(credentials));
            assertEquals(2, proxy.count("AssumeRole"));
        }
    }

    @Test
    void reportsAnEndpointThatNeverAnswersInTimeAsUnreachable() throws Exception {
        SecurityTokenService impatient = create(proxy.env(), Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (AutoCloseable closing = closing(impatient)) {
            proxy.failNext(10, Fault.delay(Duration.ofSeconds(3)));

            StsException e = assertThrows(
                    StsException.class, () -> impatient.assumeRole(assume(alice.credentials(), role1, "silent")));

            assertEquals(Reason.UNREACHABLE, e.reason(), e::getMessage);
            assertTrue(e.getMessage().contains("timed out"), e::getMessage);
            assertTrue(e.getMessage().contains(proxy.endpoint().toString()), e::getMessage);
            assertEquals(maxAttempts(), proxy.count("AssumeRole"));
        }
    }

    @Test
    void reportsAClosedPortAsUnreachableQuickly() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:" + port);
        SecurityTokenService nowhere = create(env, Duration.ofSeconds(5), Duration.ofSeconds(20));
        try (AutoCloseable closing = closing(nowhere)) {
            long start = System.nanoTime();

            StsException e = assertThrows(
                    StsException.class, () -> nowhere.assumeRole(assume(alice.credentials(), role1, "nowhere")));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(Reason.UNREACHABLE, e.reason(), e::getMessage);
            assertTrue(e.getMessage().startsWith("cannot reach STS at http://127.0.0.1:" + port), e::getMessage);
            assertTrue(e.getMessage().contains("connection refused"), e::getMessage);
            assertNoSecretIn(e.getMessage(), alice.credentials());
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, () -> "took " + took);
        }
    }
}
