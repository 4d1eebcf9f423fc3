package io.rolehop.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.port.in.RotateSessionsUseCase.Outcome;
import io.rolehop.application.port.in.RotateSessionsUseCase.Rotation;
import io.rolehop.application.port.in.StartSessionCommand;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.TemporaryCredentials;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RotateSessionsServiceTest {
    private final Fixture f = new Fixture();
    private final RotateSessionsService rotate = new RotateSessionsService(f.store, f.resolver, f.applier, f.clock);

    @Test
    void nothingIsDueWhileCredentialsServeBeyondTheMargin() {
        f.chainUserR1R2R3();
        f.start("r3");

        assertEquals(List.of(), rotate.rotate());
        assertEquals(3, f.sts.calls());
    }

    @Test
    void nextRefreshIsTheEarliestExpiryMinusTheMargin() {
        f.chainUserR1R2R3();
        assertEquals(Optional.empty(), rotate.nextRefresh());
        f.start("r3");
        f.start("r1");

        assertEquals(
                Optional.of(f.written("r3").orElseThrow().expiration().minus(Duration.ofMinutes(15))),
                rotate.nextRefresh());
    }

    @Test
    void dueSessionGetsFreshCredentialsThroughItsCachedHops() {
        f.chainUserR1R2R3();
        f.start("r3");
        TemporaryCredentials old = f.written("r3").orElseThrow();
        f.clock.advance(Duration.ofMinutes(46));

        List<Rotation> done = rotate.rotate();

        assertEquals(
                List.of(Outcome.REFRESHED), done.stream().map(Rotation::outcome).toList());
        assertEquals("r3", done.get(0).alias());
        TemporaryCredentials now = f.written("r3").orElseThrow();
        assertNotEquals(old, now);
        assertEquals(Optional.of(now.expiration()), f.session("r3").expiration());
        assertEquals(List.of("r1", "r2", "r3", "r3"), f.assumedRoles(), "r2's credentials still sign r3's call");
        assertFalse(f.start("r3").changed(), "a start right after a rotation has nothing to do");
    }

    @Test
    void failedRefreshKeepsStillValidCredentials() {
        f.chainUserR1R2R3();
        f.start("r3");
        TemporaryCredentials old = f.written("r3").orElseThrow();
        f.sts.deny(Fixture.roleArn("r3"));
        f.clock.advance(Duration.ofMinutes(50));

        List<Rotation> done = rotate.rotate();

        assertEquals(Outcome.FAILED_KEPT, done.get(0).outcome());
        assertEquals(old, f.written("r3").orElseThrow());
        assertTrue(f.session("r3").isActive());
        assertEquals(
                List.of("r1", "r2", "r3", "r3"),
                f.assumedRoles(),
                "the refused hop is asked once, before the lock, and not again under it");
    }

    @Test
    void chainsAreResolvedBeforeTheWorkspaceLockIsTaken() {
        f.chainUserR1R2R3();
        f.start("r3");
        f.clock.advance(Duration.ofMinutes(50));
        int before = f.sts.assumeRoleCalls().size();
        java.util.List<Integer> callsWhenLocked = new java.util.ArrayList<>();
        f.store.onUpdate(() -> callsWhenLocked.add(f.sts.assumeRoleCalls().size()));

        rotate.rotate();

        assertEquals(List.of(before + 1), callsWhenLocked, "r3 was renewed before the lock was taken");
        assertEquals(before + 1, f.sts.assumeRoleCalls().size(), "and not again under it");
    }

    @Test
    void credentialsCachedForAChainEditedDuringTheCallAreNotWritten() {
        f.chainUserR1R2R3();
        f.start("r3");
        f.clock.advance(Duration.ofMinutes(50));
        // The edit lands while the unlocked resolution's call is in flight: its forgetting comes before that
        // resolution caches what it got for the old role.
        f.sts.duringNextCall(() -> f.edit.edit(new io.rolehop.application.port.in.EditSessionCommand(
                io.rolehop.domain.SessionRef.of("r3"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                java.util.Map.of("role-arn", Fixture.roleArn("r3-new")),
                false)));

        rotate.rotate();

        assertEquals(Fixture.roleIdentity("r3-new", "r3"), f.writtenIdentity("r3"));
        assertEquals(
                Fixture.roleIdentity("r3-new", "r3"),
                f.sts.identityOf(f.generate.generate("r3")),
                "and the cache serves the new role");
    }

    @Test
    void aChainEditedMeanwhileIsResolvedAgainUnderTheLock() {
        f.chainUserR1R2R3();
        f.start("r3");
        f.clock.advance(Duration.ofMinutes(50));
        // Another process edits r3's role between the unlocked resolution and the lock: simulated by editing the
        // stored workspace as the lock is taken.
        f.store.onUpdate(() -> {
            f.store.onUpdate(() -> {});
            f.edit.edit(new io.rolehop.application.port.in.EditSessionCommand(
                    io.rolehop.domain.SessionRef.of("r3"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    java.util.Map.of("role-arn", Fixture.roleArn("r3-new")),
                    false));
        });

        rotate.rotate();

        assertEquals(
                Fixture.roleIdentity("r3-new", "r3"),
                f.writtenIdentity("r3"),
                "what was resolved for the old role is not written for the new one");
    }

    @Test
    void failedRefreshOfExpiredCredentialsStopsTheSession() {
        f.chainUserR1R2R3();
        f.start("r3");
        f.sts.deny(Fixture.roleArn("r3"));
        f.clock.advance(Duration.ofMinutes(61));

        List<Rotation> done = rotate.rotate();

        assertEquals(Outcome.FAILED_STOPPED, done.get(0).outcome());
        assertEquals(Optional.empty(), f.written("r3"));
        assertFalse(f.configFile.sections().containsKey("r3"));
        assertFalse(f.session("r3").isActive());
    }

    @Test
    void credentialProcessSessionsAreLeftAlone() {
        f.chainUserR1R2R3();
        f.start.start(new StartSessionCommand("r3", false, Optional.of(DeliveryMode.CREDENTIAL_PROCESS)));
        f.clock.advance(Duration.ofMinutes(50));

        assertEquals(List.of(), rotate.rotate());
        assertEquals(Optional.empty(), rotate.nextRefresh());
    }
}
