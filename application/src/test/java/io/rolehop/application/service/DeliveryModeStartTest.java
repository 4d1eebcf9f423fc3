package io.rolehop.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.ProfileConflictException;
import io.rolehop.application.port.in.EditSessionCommand;
import io.rolehop.application.port.in.StartResult;
import io.rolehop.application.port.in.StartSessionCommand;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionRef;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Starting a session in credential_process mode and switching modes. */
class DeliveryModeStartTest {
    private final Fixture f = new Fixture();

    private StartResult start(String session, DeliveryMode mode) {
        return f.start.start(new StartSessionCommand(session, false, Optional.of(mode)));
    }

    @Test
    void credentialProcessModeWritesOnlyTheConfigAfterResolvingTheChain() {
        f.chainUserR1R2R3();
        Session r3 = f.session("r3");

        StartResult result = start("r3", DeliveryMode.CREDENTIAL_PROCESS);

        assertTrue(result.changed());
        assertEquals(3, f.sts.calls(), "a broken chain fails at start, not in the user's tools");
        assertEquals(
                Map.of("credential_process", "rolehop session generate " + r3.id(), "region", "us-east-1"),
                f.configFile.sections().get("r3"));
        assertEquals(Optional.empty(), f.written("r3"));
        assertEquals(DeliveryMode.CREDENTIAL_PROCESS, f.session("r3").mode());
        assertTrue(f.session("r3").isActive());
    }

    @Test
    void startingAgainInCredentialProcessModeIsANoOp() {
        f.chainUserR1R2R3();
        start("r3", DeliveryMode.CREDENTIAL_PROCESS);

        assertFalse(start("r3", DeliveryMode.CREDENTIAL_PROCESS).changed());
    }

    @Test
    void switchingAnActiveFileSessionToCredentialProcessRemovesItsKeys() {
        f.chainUserR1R2R3();
        f.start("r3");
        assertTrue(f.written("r3").isPresent());

        StartResult result = start("r3", DeliveryMode.CREDENTIAL_PROCESS);

        assertTrue(result.changed());
        assertEquals(Optional.empty(), f.written("r3"));
        assertTrue(f.configFile.sections().get("r3").containsKey("credential_process"));
    }

    @Test
    void switchingBackToFileModeWritesKeysAndDropsTheCredentialProcessLine() {
        f.chainUserR1R2R3();
        start("r3", DeliveryMode.CREDENTIAL_PROCESS);

        assertTrue(start("r3", DeliveryMode.FILE).changed());

        assertEquals(Fixture.roleIdentity("r3", "r3"), f.writtenIdentity("r3"));
        assertEquals(Map.of("region", "us-east-1"), f.configFile.sections().get("r3"));
        assertEquals(DeliveryMode.FILE, f.session("r3").mode());
    }

    @Test
    void aNewSessionGetsTheWorkspaceDefaultMode() {
        new SettingsService(f.store).set("default-mode", "credential-process");
        f.chainUserR1R2R3();

        assertEquals(DeliveryMode.CREDENTIAL_PROCESS, f.session("r1").mode());
        f.start("r1");

        assertEquals(DeliveryMode.CREDENTIAL_PROCESS, f.session("r1").mode());
        assertEquals(Optional.empty(), f.written("r1"));
    }

    @Test
    void aPlainStartKeepsTheSessionsModeWhateverTheDefault() {
        f.chainUserR1R2R3();
        start("r3", DeliveryMode.CREDENTIAL_PROCESS);

        assertFalse(f.start("r3").changed(), "already active in its own mode");
        f.stop.stop("r3");
        assertTrue(f.start("r3").changed());

        assertEquals(DeliveryMode.CREDENTIAL_PROCESS, f.session("r3").mode());
        assertEquals(Optional.empty(), f.written("r3"), "no keys in the credentials file");
        assertTrue(f.configFile.sections().get("r3").containsKey("credential_process"));

        new SettingsService(f.store).set("default-mode", "file");
        f.start("r3");
        assertEquals(Optional.empty(), f.written("r3"), "the default is for new sessions");
    }

    @Test
    void editModeSwitchesAnActiveSessionAndIsKept() {
        f.chainUserR1R2R3();
        f.start("r3");
        assertTrue(f.written("r3").isPresent());

        f.edit.edit(new EditSessionCommand(
                SessionRef.of("r3"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                false,
                Optional.of(DeliveryMode.CREDENTIAL_PROCESS)));

        assertEquals(DeliveryMode.CREDENTIAL_PROCESS, f.session("r3").mode());
        assertTrue(f.session("r3").isActive());
        assertEquals(Optional.empty(), f.written("r3"));
        assertTrue(f.configFile.sections().get("r3").containsKey("credential_process"));
        f.stop.stop("r3");
        f.start("r3");
        assertEquals(Optional.empty(), f.written("r3"));
    }

    @Test
    void credentialProcessSessionStaysANoOpWhileGenerateRefreshesTheCache() {
        f.chainUserR1R2R3();
        start("r3", DeliveryMode.CREDENTIAL_PROCESS);
        f.clock.advance(Duration.ofMinutes(50));
        f.generate.generate("r3");

        assertFalse(start("r3", DeliveryMode.CREDENTIAL_PROCESS).changed(), "tools ask rolehop each time");
    }

    @Test
    void foreignKeysForTheProfileRefuseCredentialProcessModeWithoutForce() {
        f.chainUserR1R2R3();
        f.credentialsFile.addForeign("r3");

        assertThrows(ProfileConflictException.class, () -> start("r3", DeliveryMode.CREDENTIAL_PROCESS));

        assertEquals(Map.of(), f.configFile.sections(), "nothing written");
        assertTrue(f.credentialsFile.hasForeign("r3"));
        assertFalse(f.session("r3").isActive());
    }

    @Test
    void forceMovesForeignKeysAsideInCredentialProcessModeAndStopPutsThemBack() {
        f.chainUserR1R2R3();
        f.credentialsFile.addForeign("r3");

        f.start.start(new StartSessionCommand("r3", true, Optional.of(DeliveryMode.CREDENTIAL_PROCESS)));

        assertFalse(f.credentialsFile.hasForeign("r3"), "no keys left to win over credential_process");
        assertTrue(f.configFile.sections().get("r3").containsKey("credential_process"));
        f.stop.stop("r3");
        assertTrue(f.credentialsFile.hasForeign("r3"));
    }
}
