package io.rolehop.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.port.out.StsException;
import io.rolehop.application.port.out.StsException.Reason;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.application.spi.FieldSpec.Sensitivity;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.InvalidValueException;
import io.rolehop.domain.LongTermCredentials;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.testing.MotoServer;
import io.rolehop.testing.MotoServer.IamUser;
import io.rolehop.testing.StsProxy;
import io.rolehop.testing.StsProxy.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** "AWS IAM User": its fields and validators, and credentials through a real STS adapter against moto. */
class AwsIamUserAccessMethodTest {
    @RegisterExtension
    static MotoServer moto = new MotoServer();

    @RegisterExtension
    static StsProxy proxy = new StsProxy(moto);

    private static final String DEVICE = "arn:aws:iam::123456789012:mfa/bob";

    private static StsSecurityTokenService sts;
    private static IamUser bob;
    private final AwsIamUserAccessMethod method = new AwsIamUserAccessMethod();

    @BeforeAll
    static void setUp() {
        sts = new StsSecurityTokenService(proxy.env());
        bob = moto.createUser("bob");
    }

    @AfterAll
    static void tearDown() {
        sts.close();
    }

    private FieldSpec field(String name) {
        return method.fields().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private Optional<String> problem(String field, String value) {
        return field(field).validator().problem(value);
    }

    private TestCredentialsContext context(String alias, Map<String, String> fields) {
        return TestCredentialsContext.root(alias, AwsIamUserAccessMethod.ID, MotoServer.REGION, fields, sts);
    }

    private static Map<String, String> keys(IamUser user) {
        Map<String, String> fields = new HashMap<>();
        fields.put("access-key-id", user.accessKeyId());
        fields.put("secret-access-key", user.secretAccessKey());
        return fields;
    }

    @Test
    void describesItself() {
        assertEquals("aws-iam-user", method.id());
        assertEquals("AWS IAM User", method.displayName());
        assertFalse(method.requiresAssumer());
        assertFalse(method.description().isBlank());
    }

    @Test
    void declaresItsFieldsInOrderWithWhereTheyAreKept() {
        List<FieldSpec> fields = method.fields();
        assertEquals(
                List.of("access-key-id", "secret-access-key", "mfa-device", "mfa-session-duration", "mfa-command"),
                fields.stream().map(FieldSpec::name).toList());
        assertEquals(
                List.of(true, true, false, false, false),
                fields.stream().map(FieldSpec::required).toList());
        assertEquals(
                List.of(
                        Sensitivity.CONFIDENTIAL,
                        Sensitivity.SECRET,
                        Sensitivity.PUBLIC,
                        Sensitivity.PUBLIC,
                        Sensitivity.PUBLIC),
                fields.stream().map(FieldSpec::sensitivity).toList());
        assertEquals(
                List.of(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("43200"), Optional.empty()),
                fields.stream().map(FieldSpec::defaultValue).toList());
    }

    @Test
    void itsMfaSessionTokenIsCachedInTheSecretStore() {
        assertTrue(method.cacheInSecretStore());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ykman oath accounts code -s AWS",
                "op item get aws --otp",
                "printf '%s' \"$(oathtool --totp -b \"$SEED\")\"",
                "cat ~/.mfa-code\t# tabs are fine"
            })
    void acceptsMfaCommands(String value) {
        assertEquals(Optional.empty(), problem("mfa-command", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "echo 1\necho 2", "echo\u0000", "x\u2028y"})
    void rejectsMfaCommandsThatAreNotOneLine(String value) {
        String problem = problem("mfa-command", value).orElseThrow();
        assertTrue(problem.startsWith("the MFA command"), problem);
        assertEquals(
                Optional.of("the MFA command must be one line of at most 1000 characters without control"
                        + " characters, such as 'ykman oath accounts code -s AWS'"),
                problem("mfa-command", "x".repeat(1001)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AKIAIOSFODNN7EXAMPLE", "ASIA0123456789ABCDEF", "AKIA000000000000"})
    void acceptsAccessKeyIds(String value) {
        assertEquals(Optional.empty(), problem("access-key-id", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "akiaiosfodnn7example", "AKIA", "AKIA IOSFODNN7EXAMPLE", "AKIA-OSFODNN7EXAMPLE"})
    void rejectsMalformedAccessKeyIds(String value) {
        String problem = problem("access-key-id", value).orElseThrow();
        assertTrue(problem.contains("16 to 128 upper-case letters and digits"), problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "x", "a+b/c=d"})
    void acceptsSecrets(String value) {
        assertEquals(Optional.empty(), problem("secret-access-key", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "secretpart1 secretpart2", "secretpart1\n", "\tsecretpart1", "secret\u00a0part"})
    void rejectsSecretsWithoutQuotingThem(String value) {
        String problem = problem("secret-access-key", value).orElseThrow();
        assertTrue(problem.startsWith("the secret access key"), problem);
        assertFalse(problem.contains("secretpart") || problem.contains("part"), problem);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "arn:aws:iam::123456789012:mfa/bob",
                "arn:aws-cn:iam::123456789012:mfa/path/bob.phone",
                "arn:aws-us-gov:iam::123456789012:mfa/bob@example.com",
                "GAHT12345678",
                "YubiKey-0123456789"
            })
    void acceptsMfaDevices(String value) {
        assertEquals(Optional.empty(), problem("mfa-device", value));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "arn:aws:iam::12345:mfa/bob",
                "arn:aws:iam::123456789012:user/bob",
                "arn:aws-xx:iam::123456789012:mfa/bob",
                "short",
                "GAHT 12345678",
                "arn:aws:iam::123456789012:mfa/"
            })
    void rejectsMalformedMfaDevices(String value) {
        String problem = problem("mfa-device", value).orElseThrow();
        assertTrue(problem.startsWith("invalid MFA device"), problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"900", "43200", "129600", " 3600 "})
    void acceptsMfaSessionDurations(String value) {
        assertEquals(Optional.empty(), problem("mfa-session-duration", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"899", "129601", "1h", "", "-900", "99999999999"})
    void rejectsMfaSessionDurationsOutOfRange(String value) {
        String problem = problem("mfa-session-duration", value).orElseThrow();
        assertTrue(problem.contains("900 to 129600"), problem);
    }

    @Test
    void withoutMfaReturnsTheKeysThemselvesWithoutCallingSts() {
        AwsCredentials credentials = method.credentials(context("bob", keys(bob)));

        assertEquals(new LongTermCredentials(bob.accessKeyId(), bob.secretAccessKey()), credentials);
        assertEquals(0, proxy.total());
    }

    @Test
    void withMfaAsksForOneCodeAndReturnsASessionToken() {
        Map<String, String> fields = keys(bob);
        fields.put("mfa-device", DEVICE);
        TestCredentialsContext context = context("bob", fields).withMfaCodes("123456");
        Instant before = Instant.now();

        AwsCredentials credentials = method.credentials(context);

        TemporaryCredentials token = assertInstanceOf(TemporaryCredentials.class, credentials);
        Duration lifetime = Duration.between(before, token.expiration());
        assertTrue(lifetime.compareTo(Duration.ofHours(12).minusMinutes(2)) > 0, lifetime::toString);
        assertEquals(List.of(DEVICE), context.mfaDevicesAsked());
        assertEquals(1, proxy.count("GetSessionToken"));
        Map<String, String> sent = proxy.parameters("GetSessionToken").get(0);
        assertEquals(DEVICE, sent.get("SerialNumber"));
        assertEquals("123456", sent.get("TokenCode"));
        assertEquals("43200", sent.get("DurationSeconds"));
    }

    @Test
    void theMfaSessionLastsAsConfigured() {
        Map<String, String> fields = keys(bob);
        fields.put("mfa-device", "GAHT12345678");
        fields.put("mfa-session-duration", "3600");

        method.credentials(context("bob", fields).withMfaCodes("654321"));

        assertEquals("3600", proxy.parameters("GetSessionToken").get(0).get("DurationSeconds"));
    }

    @Test
    void anMfaCodeStsRejectsFailsAsInvalidMfaCode() {
        Map<String, String> fields = keys(bob);
        fields.put("mfa-device", DEVICE);
        proxy.failNext(
                1,
                Fault.error(
                        403, "AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code."));

        StsException e = assertThrows(
                StsException.class,
                () -> method.credentials(context("bob", fields).withMfaCodes("000000")));

        assertEquals(Reason.INVALID_MFA_CODE, e.reason(), e::getMessage);
        assertTrue(e.getMessage().startsWith("MFA code rejected for device " + DEVICE), e::getMessage);
    }

    @Test
    void aMalformedMfaCodeFailsBeforeCallingSts() {
        Map<String, String> fields = keys(bob);
        fields.put("mfa-device", DEVICE);

        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> method.credentials(context("bob", fields).withMfaCodes("12345")));

        assertTrue(e.getMessage().contains("six digits"), e::getMessage);
        assertEquals(0, proxy.total());
    }

    @Test
    void aWrongSecretFailsAtStsWhenMfaMakesItCallStsWithoutShowingTheSecret() {
        Map<String, String> fields = keys(bob);
        fields.put("secret-access-key", "not-bobs-secret-at-all");
        fields.put("mfa-device", DEVICE);

        StsException e = assertThrows(
                StsException.class,
                () -> method.credentials(context("bob", fields).withMfaCodes("123456")));

        assertEquals(Reason.INVALID_CREDENTIALS, e.reason(), e::getMessage);
        assertTrue(e.getMessage().contains(bob.accessKeyId()), e::getMessage);
        assertFalse(e.getMessage().contains("not-bobs-secret-at-all"), e::getMessage);
    }

    @Test
    void aSecretMissingFromTheSecretStoreSaysHowToSetItAgain() {
        Map<String, String> fields = keys(bob);
        fields.remove("secret-access-key");

        OperationFailedException e =
                assertThrows(OperationFailedException.class, () -> method.credentials(context("bob", fields)));

        assertEquals(
                "the secret access key of session 'bob' is missing from the secret store; set it again with"
                        + " 'rolehop session edit bob --secret-access-key-stdin'",
                e.getMessage());
    }

    @Test
    void anAliasWithASpaceIsQuotedInTheSuggestedCommand() {
        Map<String, String> fields = keys(bob);
        fields.remove("secret-access-key");

        OperationFailedException e =
                assertThrows(OperationFailedException.class, () -> method.credentials(context("bob at work", fields)));

        assertTrue(
                e.getMessage().endsWith("'rolehop session edit \"bob at work\" --secret-access-key-stdin'"),
                e::getMessage);
    }
}
