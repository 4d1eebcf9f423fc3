package io.rolehop.application.service;

import static io.rolehop.application.service.Fixture.roleIdentity;
import static io.rolehop.application.service.Fixture.userIdentity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.ProfileConflictException;
import io.rolehop.application.port.in.StartResult;
import io.rolehop.application.port.in.StartSessionCommand;
import io.rolehop.application.port.out.StsException;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionStatus;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.domain.UnknownSessionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartSessionServiceTest {
    private final Fixture f = new Fixture();

    @Test
    void coldStartOfAThreeHopChainAssumesEachRoleOnceRootFirst() {
        f.chainUserR1R2R3();

        StartResult result = f.start("r3");

        assertTrue(result.changed());
        assertEquals(List.of("r1", "r2", "r3"), f.assumedRoles());
        assertEquals(0, f.sts.sessionTokenCalls().size());
    }

    @Test
    void eachAssumeRoleIsSignedWithThePreviousHopsCredentials() {
        f.chainUserR1R2R3();

        f.start("r3");

        assertEquals(
                List.of(userIdentity(), roleIdentity("r1", "r1"), roleIdentity("r2", "r2")), f.assumeRoleCallers());
    }

    @Test
    void startWritesTheTargetsCredentialsAndRegionAndMarksItActive() {
        f.chainUserR1R2R3();

        StartResult result = f.start("r3");

        assertEquals(roleIdentity("r3", "r3"), f.writtenIdentity("r3"));
        assertEquals(java.util.Set.of("r3"), f.credentialsFile.sections().keySet());
        assertEquals(Map.of("r3", Map.of("region", "us-east-1")), f.configFile.sections());
        Session r3 = f.session("r3");
        assertEquals(SessionStatus.ACTIVE, r3.status());
        assertEquals(Optional.of(f.written("r3").orElseThrow().expiration()), r3.expiration());
        assertEquals(r3, result.session());
        assertEquals(List.of(), result.stopped());
    }

    @Test
    void durationAskedForEachHopIsPassedToSts() {
        f.chainUserR1R2R3();

        f.start("r3");

        assertEquals(
                List.of(43_200, 3_600, 3_600),
                f.sts.assumeRoleCalls().stream()
                        .map(c -> c.duration().seconds())
                        .toList());
    }

    @Test
    void warmStartOfAnActiveSessionIsANoOp() {
        f.chainUserR1R2R3();
        f.start("r3");
        int writes = f.credentialsFile.writes();
        int saves = f.store.saves();

        StartResult again = f.start("r3");

        assertFalse(again.changed());
        assertEquals(3, f.sts.calls());
        assertEquals(writes, f.credentialsFile.writes());
        assertEquals(f.session("r3"), again.session());
        assertEquals(saves + 1, f.store.saves(), "the update completes normally");
    }

    @Test
    void startingAHopOfAnAlreadyResolvedChainReusesItsCachedCredentials() {
        f.chainUserR1R2R3();
        f.start("r3");
        TemporaryCredentials r2Cached =
                f.cache.get(f.session("r2").id().value()).orElseThrow();

        StartResult r2 = f.start("r2");

        assertTrue(r2.changed());
        assertEquals(3, f.sts.calls(), "r2's credentials were cached while resolving r3's chain");
        assertEquals(r2Cached, f.written("r2").orElseThrow());
        assertEquals(roleIdentity("r2", "r2"), f.writtenIdentity("r2"));
        assertTrue(f.session("r3").isActive(), "r3 is on another profile");
    }

    @Test
    void handedOutCredentialsServeUntilTheMarginAndAssumersUntilAMinuteBeforeExpiry() {
        f.chainUserR1R2R3();
        f.start("r3");
        f.stop.stop("r3");

        // r2 and r3 last 3600 s; with the 900 s margin r3's serve for 2700 s.
        f.clock.advance(Duration.ofSeconds(2_699));
        f.start("r3");
        assertEquals(3, f.sts.calls());

        // Then r3 is renewed, signed with r2's credentials, which still have 900 s to go: r2 is not renewed.
        f.stop.stop("r3");
        f.clock.advance(Duration.ofSeconds(1));
        f.start("r3");
        assertEquals(4, f.sts.calls());
        assertEquals(List.of("r1", "r2", "r3", "r3"), f.assumedRoles());

        // r3's new credentials are due at 2700 + 2700 s, when r2's have expired: both are renewed.
        f.stop.stop("r3");
        f.clock.advance(Duration.ofSeconds(2_700));
        f.start("r3");
        assertEquals(List.of("r1", "r2", "r3", "r3", "r2", "r3"), f.assumedRoles());
    }

    @Test
    void expiredHopsAreReDerivedWhileValidOnesAreReused() {
        f.chainUserR1R2R3();
        f.start("r3");
        TemporaryCredentials r1First = f.cache.get(f.session("r1").id().value()).orElseThrow();
        TemporaryCredentials r3First = f.written("r3").orElseThrow();

        f.clock.advance(Duration.ofMinutes(46));
        StartResult result = f.start("r3");

        assertTrue(result.changed());
        // r2's credentials, with 14 minutes to go, still sign r3's call: only r3 is renewed, as r1 was not.
        assertEquals(List.of("r1", "r2", "r3", "r3"), f.assumedRoles());
        assertEquals(roleIdentity("r2", "r2"), f.assumeRoleCallers().get(3));
        assertTrue(f.cache.get(f.session("r1").id().value()).orElseThrow().equals(r1First));
        TemporaryCredentials r3Now = f.written("r3").orElseThrow();
        assertNotEquals(r3First.accessKeyId(), r3Now.accessKeyId());
        assertEquals(Optional.of(r3Now.expiration()), f.session("r3").expiration());
    }

    @Test
    void rootHopIsReDerivedOnlyOnceItCanNoLongerSign() {
        f.chainUserR1R2R3();
        f.start("r3");

        // r1 lasts twelve hours; with a quarter of an hour left it still signs r2's call.
        f.clock.advance(Duration.ofHours(12).minusMinutes(15));
        f.start("r3");
        assertEquals(List.of("r1", "r2", "r3", "r2", "r3"), f.assumedRoles());

        // Less than a minute before its expiry it no longer does: the whole chain is derived again from the user.
        f.stop.stop("r3");
        f.clock.advance(Duration.ofMinutes(14).plusSeconds(30));
        f.resolver.forgetWithDependents(f.workspace(), f.session("r2").id()); // as session logout r2 does
        f.start("r3");
        assertEquals(List.of("r1", "r2", "r3", "r2", "r3", "r1", "r2", "r3"), f.assumedRoles());
        assertEquals(userIdentity(), f.assumeRoleCallers().get(5));
    }

    @Test
    void customRefreshMarginIsHonoured() {
        f.chainUserR1R2R3();
        f.store.update(w -> {
            w.putSetting("refresh-margin-seconds", "60");
            return null;
        });
        f.start("r3");
        f.stop.stop("r3");

        f.clock.advance(Duration.ofMinutes(58));
        f.start("r3");

        assertEquals(3, f.sts.calls(), "with a 60 s margin, credentials valid for 2 more minutes still serve");
    }

    @Test
    void rootUserStartedOnItsOwnGetsASessionTokenNeverItsLongTermKeys() {
        f.addUser("user");

        StartResult result = f.start("user");

        assertTrue(result.changed());
        assertEquals(0, f.sts.assumeRoleCalls().size());
        assertEquals(1, f.sts.sessionTokenCalls().size());
        assertEquals(
                Fixture.USER_KEY_ID, f.sts.sessionTokenCalls().get(0).caller().accessKeyId());
        TemporaryCredentials written = f.written("user").orElseThrow();
        assertNotEquals(Fixture.USER_KEY_ID, written.accessKeyId());
        assertNotEquals(Fixture.USER_SECRET, written.secretAccessKey());
        assertEquals("user:" + Fixture.USER_KEY_ID, f.sts.identityOf(written));
    }

    @Test
    void rootUserSessionTokenIsCachedForTheNextStart() {
        f.addUser("user");
        f.start("user");
        f.stop.stop("user");

        f.start("user");

        assertEquals(1, f.sts.calls());
    }

    @Test
    void deniedRoleLeavesFilesUntouchedTheSessionInactiveAndTheWorkspaceUnsaved() {
        f.chainUserR1R2R3();
        f.sts.deny(Fixture.roleArn("r2"));
        int saves = f.store.saves();

        StsException e = assertThrows(StsException.class, () -> f.start("r3"));

        assertEquals(StsException.Reason.ACCESS_DENIED, e.reason());
        assertTrue(e.getMessage().contains("may not assume " + Fixture.roleArn("r2")), e.getMessage());
        assertEquals(Map.of(), f.credentialsFile.sections());
        assertEquals(Map.of(), f.configFile.sections());
        assertEquals(0, f.credentialsFile.writes());
        assertEquals(saves, f.store.saves());
        assertEquals(SessionStatus.INACTIVE, f.session("r3").status());
    }

    @Test
    void failedRefreshOfAnActiveSessionKeepsItsPreviousCredentialsInPlace() {
        f.chainUserR1R2R3();
        f.start("r3");
        TemporaryCredentials before = f.written("r3").orElseThrow();
        Session activeBefore = f.session("r3");
        f.sts.deny(Fixture.roleArn("r3"));
        f.clock.advance(Duration.ofMinutes(50));

        assertThrows(OperationFailedException.class, () -> f.start("r3"));

        assertEquals(before, f.written("r3").orElseThrow());
        assertEquals(activeBefore, f.session("r3"));
    }

    @Test
    void foreignCredentialsSectionIsRefusedWithoutForceAndNeitherFileIsWritten() {
        f.addUser("user");
        f.addRole("r1", "user", NamedProfile.of("shared"), Map.of());
        f.credentialsFile.addForeign("shared");

        ProfileConflictException e = assertThrows(ProfileConflictException.class, () -> f.start("r1"));

        assertTrue(e.getMessage().contains("'shared'"), e.getMessage());
        assertTrue(f.credentialsFile.hasForeign("shared"));
        assertEquals(Map.of(), f.credentialsFile.sections());
        assertEquals(Map.of(), f.configFile.sections());
        assertFalse(f.session("r1").isActive());
    }

    @Test
    void foreignConfigSectionIsRefusedWithoutForceAndTheCredentialsFileIsNotWritten() {
        f.addUser("user");
        f.addRole("r1", "user", NamedProfile.of("shared"), Map.of());
        f.configFile.addForeign("shared", Map.of("region", "ap-south-1", "output", "json"));

        assertThrows(ProfileConflictException.class, () -> f.start("r1"));

        assertEquals(Map.of(), f.credentialsFile.sections());
        assertEquals(0, f.credentialsFile.writes());
        assertEquals(Map.of(), f.configFile.sections());
        assertFalse(f.session("r1").isActive());
    }

    @Test
    void forceReplacesAForeignSection() {
        f.addUser("user");
        f.addRole("r1", "user", NamedProfile.of("shared"), Map.of());
        f.credentialsFile.addForeign("shared");

        StartResult result = f.start.start(new StartSessionCommand("r1", true));

        assertTrue(result.changed());
        assertFalse(f.credentialsFile.hasForeign("shared"));
        assertEquals(roleIdentity("r1", "r1"), f.writtenIdentity("shared"));
        assertTrue(f.session("r1").isActive());
    }

    @Test
    void startingASecondSessionOnAProfileStopsTheFirst() {
        NamedProfile dev = NamedProfile.of("dev");
        f.addUser("user");
        f.addRole("a", "user", dev, Map.of());
        f.addRole("b", "user", dev, Map.of());
        f.start("a");

        StartResult result = f.start("b");

        assertEquals(
                List.of("a"),
                result.stopped().stream().map(s -> s.alias().value()).toList());
        assertFalse(result.stopped().get(0).isActive());
        assertFalse(f.session("a").isActive());
        assertTrue(f.session("b").isActive());
        assertEquals(roleIdentity("b", "b"), f.writtenIdentity("dev"));
        assertEquals(
                List.of("b"),
                f.workspace().active().stream().map(s -> s.alias().value()).toList());
    }

    @Test
    void startByIdWorksLikeByAlias() {
        f.chainUserR1R2R3();
        String id = f.session("r1").id().value();

        assertTrue(f.start(id).changed());
        assertTrue(f.session("r1").isActive());
    }

    @Test
    void unknownSessionIsRefusedAndNothingIsSaved() {
        int saves = f.store.saves();
        UnknownSessionException e = assertThrows(UnknownSessionException.class, () -> f.start("nope"));
        assertEquals("no session with alias or id 'nope'; see 'rolehop session list'", e.getMessage());
        assertEquals(saves, f.store.saves());
    }

    @Test
    void activeSessionWhoseSectionWasRemovedIsWrittenAgainFromCache() {
        f.chainUserR1R2R3();
        f.start("r3");
        TemporaryCredentials first = f.written("r3").orElseThrow();
        f.credentialsFile.remove(NamedProfile.of("r3"));

        StartResult again = f.start("r3");

        assertTrue(again.changed());
        assertEquals(first, f.written("r3").orElseThrow());
        assertEquals(3, f.sts.calls());
    }

    @Test
    void startAfterGenerateRefreshedTheCacheWritesTheFreshCredentials() {
        f.chainUserR1R2R3();
        f.start("r3");
        TemporaryCredentials written = f.written("r3").orElseThrow();
        f.clock.advance(Duration.ofMinutes(50));
        TemporaryCredentials generated = f.generate.generate("r3");
        assertNotEquals(written, generated);
        int calls = f.sts.calls();

        StartResult result = f.start("r3");

        assertTrue(result.changed(), "the profile still held the credentials about to expire");
        assertEquals(generated, f.written("r3").orElseThrow());
        assertEquals(Optional.of(generated.expiration()), f.session("r3").expiration());
        assertEquals(calls, f.sts.calls(), "the generated credentials are reused");
    }
}
