package io.rolehop.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.InteractionRequiredException;
import io.rolehop.application.OperationFailedException;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.AddSessionCommand;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.NamedProfile;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainCredentialsResolverTest {
    private static final String DEVICE = "arn:aws:iam::123456789012:mfa/jane";

    private final Fixture f = new Fixture(new TestMfaUserMethod(), new MisbehavingMethod());

    private void addMfaUser() {
        f.add.add(new AddSessionCommand(
                AccessMethodId.of(TestMfaUserMethod.ID),
                Alias.of("mfa-user"),
                Optional.of(NamedProfile.of("mfa-user")),
                Optional.empty(),
                Optional.empty(),
                Map.of(
                        "access-key-id",
                        Fixture.USER_KEY_ID,
                        "secret-access-key",
                        Fixture.USER_SECRET,
                        "mfa-device",
                        DEVICE)));
    }

    private void addMisbehaving(String alias, String behaviour) {
        f.add.add(new AddSessionCommand(
                AccessMethodId.of(MisbehavingMethod.ID),
                Alias.of(alias),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of("behaviour", behaviour)));
    }

    @Test
    void mfaIsAskedOncePerChainAndNotAgainWhileItsTokenServes() {
        addMfaUser();
        f.addRole("r1", "mfa-user");
        f.addRole("r2", "r1");
        f.mfa.willAnswer("123456", "654321");

        f.start("r2");
        f.start("r1");
        f.clock.advance(Duration.ofMinutes(50));
        f.start("r2");

        assertEquals(1, f.mfa.requests(), "the session token of the MFA user is cached for twelve hours");
        assertEquals(
                "123456", f.sts.sessionTokenCalls().get(0).mfa().orElseThrow().code());
        assertEquals(
                DEVICE, f.sts.sessionTokenCalls().get(0).mfa().orElseThrow().serialNumber());
        assertEquals(1, f.sts.sessionTokenCalls().size());
        assertEquals(3, f.sts.assumeRoleCalls().size(), "r1, r2, then r2 again, signed by r1's ten remaining minutes");
        assertEquals(f.sts.identityOf(f.sts.assumeRoleCalls().get(0).caller()), "user:" + Fixture.USER_KEY_ID);
    }

    @Test
    void missingMfaCodeNeedsInteractionAndNothingIsWritten() {
        addMfaUser();
        f.addRole("r1", "mfa-user");

        InteractionRequiredException e = assertThrows(InteractionRequiredException.class, () -> f.start("r1"));

        assertEquals(
                "session 'mfa-user' needs an MFA code for " + DEVICE + " and there is no terminal to ask on;"
                        + " pass --mfa-code CODE, or give the session an mfa-command or set ROLEHOP_MFA_COMMAND: a command that prints one",
                e.getMessage());
        assertEquals(0, f.sts.calls());
        assertEquals(Map.of(), f.credentialsFile.sections());
        assertFalse(f.session("r1").isActive());
    }

    @Test
    void unexpectedExceptionOfAMethodIsReportedWithoutItsMessage() {
        addMisbehaving("broken", "throw");

        OperationFailedException e = assertThrows(OperationFailedException.class, () -> f.start("broken"));

        assertEquals(
                "access method 'test-misbehaving' failed for session 'broken': IllegalStateException", e.getMessage());
        assertTrue(e.getCause() instanceof IllegalStateException);
    }

    @Test
    void methodReturningNullIsReportedAsAFailureOfTheMethod() {
        addMisbehaving("empty", "null");

        OperationFailedException e = assertThrows(OperationFailedException.class, () -> f.start("empty"));

        assertEquals("access method 'test-misbehaving' returned no credentials for session 'empty'", e.getMessage());
    }

    @Test
    void askingForAssumerCredentialsOfARootIsAUsageError() {
        addMisbehaving("lonely", "assumer");

        UsageException e = assertThrows(UsageException.class, () -> f.start("lonely"));

        assertEquals(
                "session 'lonely' has no assumer; set one with 'rolehop session edit lonely --assumer ALIAS'",
                e.getMessage());
    }

    @Test
    void forgetEvictsBothTheSessionAndItsHandOutEntry() {
        f.addUser("user");
        f.addRole("r1", "user");
        f.start("user");
        f.start("r1");
        assertEquals(2, f.cache.snapshot().size());

        f.resolver.forgetWithDependents(f.workspace(), f.session("user").id());

        assertEquals(Map.of(), f.cache.snapshot());
    }
}
