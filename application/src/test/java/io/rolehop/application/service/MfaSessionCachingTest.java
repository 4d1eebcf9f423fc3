package io.rolehop.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.port.in.AddSessionCommand;
import io.rolehop.application.port.in.EditSessionCommand;
import io.rolehop.application.port.in.MfaCode;
import io.rolehop.application.port.in.StartSessionCommand;
import io.rolehop.application.port.out.StsException;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.CredentialsContext;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionRef;
import io.rolehop.domain.TemporaryCredentials;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A root whose method caches in the secret store (an IAM user's MFA session token): one code per chain, the token
 * never in the plain cache, the hops below it in the plain cache, and logout forgetting it all.
 */
class MfaSessionCachingTest {
    private static final String DEVICE = "arn:aws:iam::123456789012:mfa/jane";

    private final Fixture f = new Fixture(new TestMfaUserMethod());
    private final LogoutSessionService logout = new LogoutSessionService(f.store, f.resolver);

    private Session addChain() {
        Session user = f.add.add(new AddSessionCommand(
                AccessMethodId.of(TestMfaUserMethod.ID),
                Alias.of("jane"),
                Optional.of(NamedProfile.of("jane")),
                Optional.empty(),
                Optional.empty(),
                Map.of(
                        "access-key-id",
                        Fixture.USER_KEY_ID,
                        "secret-access-key",
                        Fixture.USER_SECRET,
                        "mfa-device",
                        DEVICE)));
        f.addRole("r1", "jane");
        f.addRole("r2", "r1");
        f.addRole("r3", "r2");
        return user;
    }

    private String tokenKey(Session session) {
        return SecretKeys.cachedCredentials(session.id());
    }

    @Test
    void theMfaSessionTokenIsKeptInTheSecretStoreAndTheHopsBelowInThePlainCache() {
        Session jane = addChain();
        f.mfa.willAnswer("123456");

        f.start("r3");

        assertEquals(1, f.mfa.requests());
        assertEquals(1, f.sts.sessionTokenCalls().size());
        assertEquals(3, f.sts.assumeRoleCalls().size());
        assertFalse(f.cache.snapshot().containsKey(jane.id().value()), "the MFA token is not in the plain cache");
        TemporaryCredentials token = CachedCredentialsFormat.decode(
                        f.secrets.snapshot().get(tokenKey(jane)))
                .orElseThrow();
        assertEquals("user:" + Fixture.USER_KEY_ID, f.sts.identityOf(token));
        assertTrue(f.cache
                .snapshot()
                .keySet()
                .containsAll(List.of(
                        f.session("r1").id().value(),
                        f.session("r2").id().value(),
                        f.session("r3").id().value())));
    }

    @Test
    void aCodeGivenWithTheCommandServesTheDeviceAndNoProviderIsAsked() {
        addChain();
        f.mfa.willAnswer("999999");

        f.start.start(new StartSessionCommand(
                SessionRef.of("r3"), false, Optional.empty(), Optional.of(new MfaCode(" 123456 "))));

        assertEquals(0, f.mfa.requests(), "the given code served; nothing else was asked");
        assertEquals(
                "123456", f.sts.sessionTokenCalls().get(0).mfa().orElseThrow().code());
    }

    @Test
    void aGivenCodeIsNotKeptForLaterCommands() {
        addChain();
        f.mfa.willAnswer("654321");
        f.start.start(new StartSessionCommand(
                SessionRef.of("r3"), false, Optional.empty(), Optional.of(new MfaCode("123456"))));
        f.clock.advance(Duration.ofHours(13));

        // The token expired; a later start without a code asks the provider: the code served its command only.
        f.start("r1");

        assertEquals(1, f.mfa.requests());
        assertEquals(
                "654321", f.sts.sessionTokenCalls().get(1).mfa().orElseThrow().code());
    }

    @Test
    void aGivenCodeNeverShowsInTheCommandsText() {
        MfaCode code = new MfaCode("123456");
        assertFalse(code.toString().contains("123456"));
        assertFalse(new StartSessionCommand(SessionRef.of("r3"), false, Optional.empty(), Optional.of(code))
                .toString()
                .contains("123456"));
    }

    @Test
    void startingMoreChainsBelowAsksForNothingAndAWarmHopReadsNoSecret() {
        addChain();
        f.mfa.willAnswer("123456", "654321");
        f.start("r3");
        int reads = f.secrets.reads();

        f.start("r2");
        f.start("r1");

        assertEquals(1, f.mfa.requests());
        assertEquals(1, f.sts.sessionTokenCalls().size());
        assertEquals(3, f.sts.assumeRoleCalls().size(), "r1 and r2 came from the plain cache");
        assertEquals(reads, f.secrets.reads(), "a warm hop opens no secret store");
    }

    @Test
    void whenTheHopsExpireTheTokenIsServedFromTheSecretStoreWithoutAnotherCode() {
        addChain();
        f.mfa.willAnswer("123456", "654321");
        f.start("r3");

        // r1 has half a minute left, too little to sign r2's call: it is assumed again, with the cached token.
        f.clock.advance(Duration.ofMinutes(59).plusSeconds(30));
        f.start("r2");

        assertEquals(1, f.mfa.requests(), "the twelve-hour token still serves");
        assertEquals(1, f.sts.sessionTokenCalls().size());
        assertEquals(5, f.sts.assumeRoleCalls().size(), "r1 and r2 assumed again with the cached token");

        f.clock.advance(Duration.ofHours(12));
        f.start("r1");
        assertEquals(2, f.mfa.requests(), "an expired token needs a new code");
        assertEquals(
                "654321", f.sts.sessionTokenCalls().get(1).mfa().orElseThrow().code());
    }

    @Test
    void startingTheMfaUserItselfTwiceIsIdempotent() {
        Session jane = addChain();
        f.mfa.willAnswer("123456");

        assertTrue(f.start("jane").changed());
        assertFalse(f.start("jane").changed());

        assertEquals(1, f.sts.calls());
        assertEquals(
                f.written("jane"),
                CachedCredentialsFormat.decode(f.secrets.snapshot().get(tokenKey(jane))));
    }

    @Test
    void logoutOfTheRootForgetsTheTokenAndEveryHopBelowSoTheNextStartAsksAgain() {
        Session jane = addChain();
        f.mfa.willAnswer("123456", "654321");
        f.start("r3");

        List<Session> forgotten = logout.logout("jane");

        assertEquals(
                List.of("jane", "r1", "r2", "r3"),
                forgotten.stream().map(s -> s.alias().value()).sorted().toList());
        assertEquals("jane", forgotten.get(0).alias().value());
        assertFalse(f.secrets.snapshot().containsKey(tokenKey(jane)));
        assertEquals(Map.of(), f.cache.snapshot());
        assertTrue(
                f.secrets.snapshot().containsKey(SecretKeys.field(jane.id(), "secret-access-key")),
                "logout keeps the user's keys");

        f.start("r2");
        assertEquals(2, f.mfa.requests());
        assertEquals(2, f.sts.sessionTokenCalls().size());
    }

    @Test
    void logoutOfAHopKeepsTheTokenAboveIt() {
        Session jane = addChain();
        f.mfa.willAnswer("123456");
        f.start("r3");

        List<Session> forgotten = logout.logout("r2");

        assertEquals(
                List.of("r2", "r3"),
                forgotten.stream().map(s -> s.alias().value()).toList());
        assertTrue(f.secrets.snapshot().containsKey(tokenKey(jane)));
        assertTrue(f.cache.snapshot().containsKey(f.session("r1").id().value()));
        f.start("r3");
        assertEquals(1, f.mfa.requests());
        assertEquals(5, f.sts.assumeRoleCalls().size(), "r2 and r3 assumed again, r1 from the cache");
    }

    @Test
    void aRejectedCodeCachesNothingAndTheNextCodeIsAsked() {
        Session jane = addChain();
        f.sts.rejectMfaCode("111111");
        f.mfa.willAnswer("111111", "222222");

        StsException e = assertThrows(StsException.class, () -> f.start("r3"));

        assertEquals(StsException.Reason.INVALID_MFA_CODE, e.reason());
        assertFalse(f.secrets.snapshot().containsKey(tokenKey(jane)));
        assertEquals(Map.of(), f.cache.snapshot());
        assertEquals(Map.of(), f.credentialsFile.sections());
        f.start("r3");
        assertEquals(2, f.mfa.requests());
    }

    @Test
    void anUnreadableEntryInTheSecretStoreIsAMissAndIsReplaced() {
        Session jane = addChain();
        f.secrets.put(tokenKey(jane), "not credentials");
        f.mfa.willAnswer("123456");

        f.start("r1");

        assertEquals(1, f.sts.sessionTokenCalls().size());
        assertTrue(CachedCredentialsFormat.decode(f.secrets.snapshot().get(tokenKey(jane)))
                .isPresent());
    }

    @Test
    void editingHowTheTokenIsObtainedForgetsIt() {
        Session jane = addChain();
        f.mfa.willAnswer("123456", "654321");
        f.start("r1");

        f.edit.edit(new EditSessionCommand(
                SessionRef.of("jane"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of("mfa-device", "arn:aws:iam::123456789012:mfa/other"),
                false));

        assertFalse(f.secrets.snapshot().containsKey(tokenKey(jane)));
        f.start("r1");
        assertEquals(2, f.mfa.requests());
    }

    @Test
    void deletingTheUserRemovesTheToken() {
        Session jane = addChain();
        f.mfa.willAnswer("123456");
        f.start("r1");

        f.delete.delete("jane", true);

        assertEquals(Map.of(), f.secrets.snapshot());
    }

    @Test
    void aMethodFailingToSayWhereItCachesIsReportedAsItsFailure() {
        TestMfaUserMethod real = new TestMfaUserMethod();
        Fixture broken = new Fixture(new AccessMethod() {
            @Override
            public String id() {
                return "test-broken-mfa";
            }

            @Override
            public String displayName() {
                return "Broken";
            }

            @Override
            public List<FieldSpec> fields() {
                return real.fields();
            }

            @Override
            public boolean cacheInSecretStore() {
                throw new IllegalStateException("boom");
            }

            @Override
            public AwsCredentials credentials(CredentialsContext context) {
                return real.credentials(context);
            }
        });
        broken.add.add(new AddSessionCommand(
                AccessMethodId.of("test-broken-mfa"),
                Alias.of("x"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of(
                        "access-key-id",
                        Fixture.USER_KEY_ID,
                        "secret-access-key",
                        Fixture.USER_SECRET,
                        "mfa-device",
                        DEVICE)));

        OperationFailedException e = assertThrows(OperationFailedException.class, () -> broken.start("x"));
        assertEquals(
                "access method 'test-broken-mfa' failed to say where its credentials are cached:"
                        + " IllegalStateException",
                e.getMessage());
    }

    @Test
    void theFormatRoundTripsAndRejectsGarbage() {
        TemporaryCredentials c =
                new TemporaryCredentials("ASIAFAKE000000000001", "secret/with+chars", "token==", Fixture.START);
        assertEquals(Optional.of(c), CachedCredentialsFormat.decode(CachedCredentialsFormat.encode(c)));
        assertEquals(Optional.empty(), CachedCredentialsFormat.decode(""));
        assertEquals(Optional.empty(), CachedCredentialsFormat.decode("rolehop-credentials-v1\na\nb\nc\nnot-a-time"));
        assertEquals(
                Optional.empty(), CachedCredentialsFormat.decode("rolehop-credentials-v2\na\nb\nc\n" + Fixture.START));
    }
}
