package io.rolehop.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.UsageException;
import io.rolehop.application.fakes.FakeAccessKeyManager;
import io.rolehop.application.fakes.FaultySecretStore;
import io.rolehop.application.port.in.AddSessionCommand;
import io.rolehop.application.port.in.RotateAccessKeyUseCase.Rotated;
import io.rolehop.application.port.out.AccessKeyException;
import io.rolehop.application.port.out.StsException;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.LongTermCredentials;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Rotating an IAM user's key with a fault at each step (create, store, prove, delete): the session always keeps a key
 * that works, and IAM is left with no key that nothing stores, except where the failure message names it.
 */
class RotateAccessKeyServiceTest {
    private static final String USER = "arn:aws:iam::123456789012:user/jane";
    private static final String DEVICE = "arn:aws:iam::123456789012:mfa/jane";
    private static final Region REGION = Region.of("eu-west-1");

    private final Fixture f = new Fixture(new TestMfaUserMethod());
    private final FakeAccessKeyManager iam = new FakeAccessKeyManager(f.sts);
    private final FaultySecretStore secrets = new FaultySecretStore(f.secrets);
    private final List<Duration> pauses = new ArrayList<>();
    private final ChainCredentialsResolver resolver =
            new ChainCredentialsResolver(f.methods, f.sts, secrets, f.cache, f.mfa, f.clock);
    private final RotateAccessKeyService rotate = new RotateAccessKeyService(
            f.store,
            f.methods,
            secrets,
            resolver,
            iam,
            d -> {
                pauses.add(d);
                f.clock.advance(d);
            },
            f.clock);
    private final LongTermCredentials original = iam.addUser(USER);

    /** The user (without MFA) and a role assumed from it; returns the user. */
    private Session addUser(String method, Map<String, String> extra) {
        Map<String, String> fields = new LinkedHashMap<>(
                Map.of("access-key-id", original.accessKeyId(), "secret-access-key", original.secretAccessKey()));
        fields.putAll(extra);
        Session user = f.add.add(new AddSessionCommand(
                AccessMethodId.of(method),
                Alias.of("jane"),
                Optional.of(NamedProfile.of("jane")),
                Optional.of(REGION),
                Optional.empty(),
                fields));
        f.addRole("r1", "jane");
        return user;
    }

    private Session addUser() {
        return addUser(TestUserMethod.ID, Map.of());
    }

    private LongTermCredentials stored(Session session) {
        return new LongTermCredentials(
                f.secrets.get(SecretKeys.field(session.id(), "access-key-id")).orElseThrow(),
                f.secrets
                        .get(SecretKeys.field(session.id(), "secret-access-key"))
                        .orElseThrow());
    }

    /** The stored key is one IAM knows, of the same user, and it is the only key the user has. */
    private void assertOnlyKey(Session session, LongTermCredentials expected) {
        assertEquals(expected, stored(session));
        assertEquals(USER, iam.whoami(stored(session), REGION));
        assertEquals(List.of(expected.accessKeyId()), iam.keysOf(USER));
    }

    @Test
    void replacesTheKeyDeletesTheOldOneAndForgetsWhatTheOldKeyOpened() {
        Session jane = addUser();
        f.start("r1");
        assertTrue(f.cache.snapshot().containsKey(f.session("r1").id().value()));

        Rotated rotated = rotate.rotate("jane");
        List<String> calls = iam.calls();

        LongTermCredentials now = stored(jane);
        assertEquals(original.accessKeyId(), rotated.oldAccessKeyId());
        assertEquals(now.accessKeyId(), rotated.newAccessKeyId());
        assertFalse(now.equals(original));
        assertOnlyKey(jane, now);
        assertThrows(StsException.class, () -> iam.whoami(original, REGION), "the old key no longer works");
        assertEquals(
                List.of("jane", "r1"),
                rotated.forgotten().stream().map(s -> s.alias().value()).toList());
        assertTrue(f.cache.snapshot().isEmpty(), "nothing derived from the old key is served any more");
        assertEquals(
                List.of(
                        "GetCallerIdentity(" + original.accessKeyId() + ")",
                        "CreateAccessKey(" + original.accessKeyId() + ")",
                        "GetCallerIdentity(" + now.accessKeyId() + ")",
                        "DeleteAccessKey(" + original.accessKeyId() + ", " + original.accessKeyId() + ")"),
                calls);

        f.start("r1");
        assertEquals(
                now.accessKeyId(),
                f.sts.assumeRoleCalls().get(1).caller().accessKeyId(),
                "the chain is resolved again with the new key");
    }

    @Test
    void withAnMfaDeviceTheCallsAreSignedWithTheMfaSessionTokenAfterOnePrompt() {
        Session jane = addUser(TestMfaUserMethod.ID, Map.of("mfa-device", DEVICE));
        f.mfa.willAnswer("123456", "654321");

        rotate.rotate("jane");

        assertEquals(1, f.mfa.requests());
        String token = f.sts.sessionTokenCalls().get(0).caller().accessKeyId();
        assertEquals(original.accessKeyId(), token, "the session token was asked for with the old key");
        List<String> calls = iam.calls();
        assertTrue(calls.get(1).startsWith("CreateAccessKey(ASIA"), calls.toString());
        assertTrue(calls.get(3).startsWith("DeleteAccessKey(ASIA"), calls.toString());
        assertOnlyKey(jane, stored(jane));
        assertFalse(
                f.secrets.snapshot().containsKey(SecretKeys.cachedCredentials(jane.id())),
                "the MFA session token of the old key is forgotten");
    }

    @Test
    void aCachedMfaSessionTokenSignsWithoutAnotherPrompt() {
        addUser(TestMfaUserMethod.ID, Map.of("mfa-device", DEVICE));
        f.mfa.willAnswer("123456", "654321");
        f.start("r1");

        rotate.rotate("jane");

        assertEquals(1, f.mfa.requests());
    }

    @Test
    void whenCreatingFailsNothingChanges() {
        Session jane = addUser();
        iam.failNextCreate(new AccessKeyException(AccessKeyException.Reason.ACCESS_DENIED, "access denied"));

        OperationFailedException e = assertThrows(OperationFailedException.class, () -> rotate.rotate("jane"));

        assertTrue(e.getMessage().contains("nothing changed"), e.getMessage());
        assertOnlyKey(jane, original);
    }

    @Test
    void whenTheUserAlreadyHasTwoKeysNothingChanges() {
        Session jane = addUser();
        LongTermCredentials other = iam.createAccessKey(original, REGION);

        OperationFailedException e = assertThrows(OperationFailedException.class, () -> rotate.rotate("jane"));

        assertTrue(e.getMessage().contains("nothing changed"), e.getMessage());
        assertEquals(original, stored(jane));
        assertEquals(List.of(original.accessKeyId(), other.accessKeyId()), iam.keysOf(USER));
    }

    @Test
    void whenStoringTheSecretFailsTheOldKeyStaysAndTheNewOneIsDeleted() {
        Session jane = addUser();
        secrets.failWrite(1);

        OperationFailedException e = assertThrows(OperationFailedException.class, () -> rotate.rotate("jane"));

        assertOnlyKey(jane, original);
        assertTrue(e.getMessage().contains("keeps its old access key " + original.accessKeyId()), e.getMessage());
        assertTrue(e.getMessage().contains("the new key was deleted again"), e.getMessage());
    }

    @Test
    void whenStoringFailsHalfWayTheOldKeyIsPutBackWhole() {
        Session jane = addUser();
        secrets.failWrite(2);

        assertThrows(OperationFailedException.class, () -> rotate.rotate("jane"));

        assertOnlyKey(jane, original);
    }

    @Test
    void whenTheSecretStoreCannotEvenBePutBackTheMessageSaysSoAndTheOldKeyStillExists() {
        Session jane = addUser();
        secrets.failWrite(2);
        secrets.failWrite(3);

        OperationFailedException e = assertThrows(OperationFailedException.class, () -> rotate.rotate("jane"));

        assertTrue(e.getMessage().contains("could not be put back"), e.getMessage());
        assertEquals(List.of(original.accessKeyId()), iam.keysOf(USER), "the old key is never deleted");
    }

    @Test
    void whenTheNewKeyNeverWorksTheOldKeyStaysStoredAndTheNewOneIsDeleted() {
        Session jane = addUser();
        iam.newKeysUnknownFor(Integer.MAX_VALUE);

        OperationFailedException e = assertThrows(OperationFailedException.class, () -> rotate.rotate("jane"));

        assertOnlyKey(jane, original);
        assertTrue(e.getMessage().contains("did not work (6 attempts)"), e.getMessage());
        assertEquals(
                List.of(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(8)),
                pauses,
                "bounded, with backoff");
        assertTrue(
                pauses.stream().reduce(Duration.ZERO, Duration::plus).compareTo(RotateAccessKeyService.PROOF_PATIENCE)
                        <= 0);
    }

    @Test
    void aNewKeyThatTakesAFewSecondsToBeAcceptedIsWaitedFor() {
        Session jane = addUser();
        iam.newKeysUnknownFor(3);

        rotate.rotate("jane");

        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), pauses);
        assertOnlyKey(jane, stored(jane));
    }

    @Test
    void whenDeletingTheOldKeyFailsTheNewKeyIsStoredAndTheOldKeyIsNamed() {
        Session jane = addUser();
        iam.failDeleteOf(
                original.accessKeyId(),
                new AccessKeyException(AccessKeyException.Reason.UNREACHABLE, "cannot reach IAM"));

        OperationFailedException e = assertThrows(OperationFailedException.class, () -> rotate.rotate("jane"));

        LongTermCredentials now = stored(jane);
        assertFalse(now.equals(original));
        assertEquals(USER, iam.whoami(now, REGION), "the stored key works");
        assertEquals(List.of(original.accessKeyId(), now.accessKeyId()), iam.keysOf(USER));
        assertTrue(
                e.getMessage().contains("aws iam delete-access-key --access-key-id " + original.accessKeyId()),
                e.getMessage());
        assertFalse(e.getMessage().contains(now.secretAccessKey()));
    }

    @Test
    void whenTheOldKeysCachedCredentialsCannotBeForgottenTheRotationStandsAndLogoutIsNamed() {
        Session jane = addUser(TestMfaUserMethod.ID, Map.of("mfa-device", DEVICE));
        f.mfa.willAnswer("123456");
        secrets.failNextDelete();

        OperationFailedException e = assertThrows(OperationFailedException.class, () -> rotate.rotate("jane"));

        assertTrue(e.getMessage().contains("rolehop session logout jane"), e.getMessage());
        assertTrue(e.getMessage().contains("the old key " + original.accessKeyId() + " is deleted"), e.getMessage());
        assertOnlyKey(jane, stored(jane));
    }

    @Test
    void aSessionOfAnotherMethodIsAUsageError() {
        addUser();

        UsageException e = assertThrows(UsageException.class, () -> rotate.rotate("r1"));

        assertTrue(e.getMessage().contains("holds no IAM user access key"), e.getMessage());
        assertTrue(iam.calls().isEmpty());
    }
}
