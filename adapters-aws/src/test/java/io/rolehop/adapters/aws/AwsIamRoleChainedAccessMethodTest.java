package io.rolehop.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.UsageException;
import io.rolehop.application.port.out.StsException;
import io.rolehop.application.port.out.StsException.Reason;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.application.spi.FieldSpec.Sensitivity;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.InvalidValueException;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.testing.MotoServer;
import io.rolehop.testing.MotoServer.IamUser;
import io.rolehop.testing.StsProxy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** "AWS IAM Role Chained": its fields, validators and duration cap, and chains through a real STS against moto. */
class AwsIamRoleChainedAccessMethodTest {
    @RegisterExtension
    static MotoServer moto = new MotoServer();

    @RegisterExtension
    static StsProxy proxy = new StsProxy(moto);

    private static StsSecurityTokenService sts;
    private static IamUser carol;
    private final AwsIamRoleChainedAccessMethod method = new AwsIamRoleChainedAccessMethod();
    private final AwsIamUserAccessMethod userMethod = new AwsIamUserAccessMethod();

    @BeforeAll
    static void setUp() {
        sts = new StsSecurityTokenService(proxy.env());
        carol = moto.createUser("carol");
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

    /** Carol's IAM user session: the root of every chain here, handing out her long-term keys. */
    private Supplier<AwsCredentials> carolsKeys() {
        Map<String, String> keys =
                Map.of("access-key-id", carol.accessKeyId(), "secret-access-key", carol.secretAccessKey());
        return () -> userMethod.credentials(
                TestCredentialsContext.root("carol", AwsIamUserAccessMethod.ID, MotoServer.REGION, keys, sts));
    }

    private TestCredentialsContext chained(String alias, Map<String, String> fields, Supplier<AwsCredentials> assumer) {
        return TestCredentialsContext.chained(
                alias, AwsIamRoleChainedAccessMethod.ID, MotoServer.REGION, fields, sts, assumer);
    }

    @Test
    void describesItself() {
        assertEquals("aws-iam-role-chained", method.id());
        assertEquals("AWS IAM Role Chained", method.displayName());
        assertTrue(method.requiresAssumer());
    }

    @Test
    void declaresItsFieldsInOrder() {
        List<FieldSpec> fields = method.fields();
        assertEquals(
                List.of("role-arn", "role-session-name", "external-id", "source-identity", "duration"),
                fields.stream().map(FieldSpec::name).toList());
        assertEquals(
                List.of(true, false, false, false, false),
                fields.stream().map(FieldSpec::required).toList());
        assertTrue(fields.stream().allMatch(f -> f.sensitivity() == Sensitivity.PUBLIC));
        assertEquals(Optional.of("3600"), field("duration").defaultValue());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "arn:aws:iam::123456789012:role/admin",
                "arn:aws-cn:iam::123456789012:role/path/to/r",
                "arn:aws-us-gov:iam::123456789012:role/a+b=c,d.e@f_g-h"
            })
    void acceptsRoleArns(String value) {
        assertEquals(Optional.empty(), problem("role-arn", value));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "arn:aws:iam::123:role/admin",
                "arn:aws:iam::123456789012:user/admin",
                "admin",
                "arn:aws-xx:iam::123456789012:role/admin"
            })
    void rejectsMalformedRoleArns(String value) {
        String problem = problem("role-arn", value).orElseThrow();
        assertTrue(problem.startsWith("invalid role ARN"), problem);
    }

    @Test
    void validatesRoleSessionNames() {
        assertEquals(Optional.empty(), problem("role-session-name", "alice@example.com"));
        assertTrue(problem("role-session-name", "a").orElseThrow().contains("2 to 64"));
        assertTrue(problem("role-session-name", "has space").isPresent());
    }

    @Test
    void validatesExternalIds() {
        assertEquals(Optional.empty(), problem("external-id", "tenant:42/abc-DEF_=+,.@"));
        assertEquals(Optional.empty(), problem("external-id", "x".repeat(1224)));
        assertTrue(problem("external-id", "x").orElseThrow().startsWith("invalid external id 'x'"));
        assertTrue(problem("external-id", "x".repeat(1225)).isPresent());
        assertTrue(problem("external-id", "no spaces").isPresent());
    }

    @Test
    void validatesSourceIdentities() {
        assertEquals(Optional.empty(), problem("source-identity", "alice@example.com"));
        assertTrue(problem("source-identity", "a").isPresent());
        assertTrue(problem("source-identity", "a".repeat(65)).isPresent());
        assertTrue(problem("source-identity", "a:b").orElseThrow().startsWith("invalid source identity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"900", "3600", "43200"})
    void acceptsDurations(String value) {
        assertEquals(Optional.empty(), problem("duration", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"899", "43201", "1h", ""})
    void rejectsDurationsStsRefuses(String value) {
        assertTrue(problem("duration", value).orElseThrow().startsWith("invalid duration"));
    }

    @Test
    void refusesMoreThanAnHourWhenTheAssumerIsItselfChained() {
        String problem = method.validate(
                        Map.of("role-arn", "arn:aws:iam::123456789012:role/r", "duration", "7200"), Optional.of(true))
                .orElseThrow();

        assertTrue(problem.contains("exceeds the cap of 3600 s"), problem);
        assertTrue(problem.contains("--duration 3600"), problem);
    }

    @Test
    void acceptsLongDurationsWhenTheAssumerIsNotChainedOrUnknown() {
        Map<String, String> values = Map.of("role-arn", "arn:aws:iam::123456789012:role/r", "duration", "43200");
        assertEquals(Optional.empty(), method.validate(values, Optional.of(false)));
        assertEquals(Optional.empty(), method.validate(values, Optional.empty()));
        assertEquals(Optional.empty(), method.validate(Map.of("duration", "3600"), Optional.of(true)));
        assertEquals(
                Optional.empty(),
                method.validate(Map.of("role-arn", "arn:aws:iam::123456789012:role/r"), Optional.of(true)));
    }

    @Test
    void assumesTheRoleWithTheAssumersKeysUnderADerivedSessionName() {
        String role = moto.createRole("from-carol", carol.arn());
        TestCredentialsContext context = chained("dev admin", Map.of("role-arn", role), carolsKeys());
        Instant before = Instant.now();

        TemporaryCredentials credentials = assertInstanceOf(TemporaryCredentials.class, method.credentials(context));

        assertEquals(MotoServer.assumedRoleArn("from-carol", "rolehop-dev-admin"), moto.callerIdentity(credentials));
        assertEquals(1, context.assumerCalls());
        Map<String, String> sent = proxy.parameters("AssumeRole").get(0);
        assertEquals("3600", sent.get("DurationSeconds"));
        Duration lifetime = Duration.between(before, credentials.expiration());
        assertTrue(
                lifetime.compareTo(Duration.ofMinutes(58)) > 0 && lifetime.compareTo(Duration.ofMinutes(62)) < 0,
                lifetime::toString);
    }

    @Test
    void chainsThreeRolesDeep() {
        String first = moto.createRole("hop-1", carol.arn());
        String second = moto.createRole("hop-2", MotoServer.assumedRoleArn("hop-1", "rolehop-one"));
        String third = moto.createRole("hop-3", MotoServer.assumedRoleArn("hop-2", "second-hop"));
        Supplier<AwsCredentials> one =
                () -> method.credentials(chained("one", Map.of("role-arn", first), carolsKeys()));
        Supplier<AwsCredentials> two = () ->
                method.credentials(chained("two", Map.of("role-arn", second, "role-session-name", "second-hop"), one));

        AwsCredentials credentials = method.credentials(chained("three", Map.of("role-arn", third), two));

        assertEquals(MotoServer.assumedRoleArn("hop-3", "rolehop-three"), moto.callerIdentity(credentials));
        assertEquals(3, proxy.count("AssumeRole"));
    }

    @Test
    void aRoleThatDoesNotTrustTheAssumerSessionIsDenied() {
        String first = moto.createRole("denying-1", carol.arn());
        String second = moto.createRole("denying-2", carol.arn());
        Supplier<AwsCredentials> one =
                () -> method.credentials(chained("one", Map.of("role-arn", first), carolsKeys()));

        StsException e = assertThrows(
                StsException.class, () -> method.credentials(chained("two", Map.of("role-arn", second), one)));

        assertEquals(Reason.ACCESS_DENIED, e.reason(), e::getMessage);
        assertTrue(e.getMessage().contains(second), e::getMessage);
        assertTrue(e.getMessage().contains("assumed-role/denying-1/rolehop-one"), e::getMessage);
    }

    @Test
    void refusesAnOverlongDurationForATemporaryAssumerNamingTheCapWithoutCallingSts() {
        String first = moto.createRole("capped-1", carol.arn());
        String second = moto.createRole("capped-2", MotoServer.assumedRoleArn("capped-1", "rolehop-one"));
        Supplier<AwsCredentials> one =
                () -> method.credentials(chained("one", Map.of("role-arn", first), carolsKeys()));

        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> method.credentials(chained("two", Map.of("role-arn", second, "duration", "7200"), one)));

        assertTrue(e.getMessage().contains("exceeds the cap of 3600 s"), e::getMessage);
        assertEquals(1, proxy.count("AssumeRole"), "only the assumer's own hop was called");
    }

    @Test
    void grantsUpToTwelveHoursToAnAssumerWithLongTermKeys() {
        String role = moto.createRole("long-lived", carol.arn());

        TemporaryCredentials credentials = assertInstanceOf(
                TemporaryCredentials.class,
                method.credentials(chained("long", Map.of("role-arn", role, "duration", "43200"), carolsKeys())));

        assertEquals("43200", proxy.parameters("AssumeRole").get(0).get("DurationSeconds"));
        assertTrue(credentials.expiration().isAfter(Instant.now().plus(Duration.ofHours(11))));
    }

    @Test
    void passesTheExternalIdTheTrustPolicyRequiresAndTheSourceIdentity() {
        String role = moto.createRoleWithTrustPolicy(
                "partner", MotoServer.trustPolicyWithExternalId("tenant-42", carol.arn()));
        Map<String, String> fields = new HashMap<>();
        fields.put("role-arn", role);
        fields.put("role-session-name", "partner-session");
        fields.put("external-id", "tenant-42");
        fields.put("source-identity", "carol@example.com");

        AwsCredentials credentials = method.credentials(chained("partner", fields, carolsKeys()));

        assertEquals(MotoServer.assumedRoleArn("partner", "partner-session"), moto.callerIdentity(credentials));
        Map<String, String> sent = proxy.parameters("AssumeRole").get(0);
        assertEquals("tenant-42", sent.get("ExternalId"));
        assertEquals("carol@example.com", sent.get("SourceIdentity"));

        fields.put("external-id", "tenant-43");
        StsException e =
                assertThrows(StsException.class, () -> method.credentials(chained("partner", fields, carolsKeys())));
        assertEquals(Reason.ACCESS_DENIED, e.reason(), e::getMessage);
    }

    @Test
    void aSessionWithoutRoleArnIsAUsageError() {
        UsageException e =
                assertThrows(UsageException.class, () -> method.credentials(chained("lost", Map.of(), carolsKeys())));

        assertEquals(
                "session 'lost' has no role ARN; set one with 'rolehop session edit lost --role-arn ARN'",
                e.getMessage());
    }

    @Test
    void aRoleOfAnotherPartitionThanTheRegionIsAUsageErrorBeforeAnyCall() {
        TestCredentialsContext context =
                chained("china", Map.of("role-arn", "arn:aws-cn:iam::123456789012:role/r"), carolsKeys());

        UsageException e = assertThrows(UsageException.class, () -> method.credentials(context));

        assertTrue(e.getMessage().contains("partition aws-cn") && e.getMessage().contains("--region"), e::getMessage);
        assertEquals(0, context.assumerCalls());
        assertEquals(0, proxy.total());
    }
}
