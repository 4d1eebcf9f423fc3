package io.rolehop.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.port.in.EditSessionCommand;
import io.rolehop.application.port.in.StartSessionCommand;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.SessionRef;
import io.rolehop.domain.SessionStatus;
import io.rolehop.domain.UnknownSessionException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StopSessionServiceTest {
    private final Fixture f = new Fixture();

    @Test
    void stopRemovesBothSectionsAndMarksTheSessionInactive() {
        f.chainUserR1R2R3();
        f.start("r3");
        f.start("r1");

        assertTrue(f.stop.stop("r3"));

        assertEquals(Set.of("r1"), f.credentialsFile.sections().keySet());
        assertEquals(Set.of("r1"), f.configFile.sections().keySet());
        assertEquals(SessionStatus.INACTIVE, f.session("r3").status());
        assertEquals(Optional.empty(), f.session("r3").expiration());
        assertTrue(f.session("r1").isActive());
    }

    @Test
    void stoppingAnInactiveSessionChangesNothing() {
        f.chainUserR1R2R3();
        f.start("r1");

        assertFalse(f.stop.stop("r3"));

        assertEquals(Set.of("r1"), f.credentialsFile.sections().keySet());
    }

    @Test
    void stoppingTwiceIsFine() {
        f.chainUserR1R2R3();
        f.start("r3");
        assertTrue(f.stop.stop("r3"));
        assertFalse(f.stop.stop("r3"));
    }

    @Test
    void stopLeavesAForeignSectionOnTheSameProfileAlone() {
        f.addUser("user");
        f.addRole("r1", "user");
        f.configFile.addForeign("other", Map.of("region", "eu-west-1"));
        f.credentialsFile.addForeign("other");
        f.start("r1");

        f.stop.stop("r1");

        assertTrue(f.credentialsFile.hasForeign("other"));
        assertEquals(Map.of(), f.credentialsFile.sections());
    }

    @Test
    void stopOfAnUnknownSessionIsRefused() {
        assertThrows(UnknownSessionException.class, () -> f.stop.stop("ghost"));
    }

    @Test
    void stopKeepsTheCacheSoTheNextStartIsWarm() {
        f.chainUserR1R2R3();
        f.start("r3");
        f.stop.stop("r3");

        f.start("r3");

        assertEquals(3, f.sts.calls());
    }

    @Test
    void foreignSectionsReplacedWithForceComeBackOnStop() {
        f.chainUserR1R2R3();
        f.credentialsFile.addForeign("r3");
        f.configFile.addForeign("r3", Map.of("region", "eu-west-1", "output", "json"));
        f.start.start(new StartSessionCommand("r3", true));
        assertFalse(f.credentialsFile.hasForeign("r3"));

        f.stop.stop("r3");

        assertTrue(f.credentialsFile.hasForeign("r3"));
        assertEquals(Map.of("r3", Map.of("region", "eu-west-1", "output", "json")), f.configFile.foreignSections());
        assertEquals(Map.of(), f.configFile.sections());
    }

    @Test
    void foreignSectionsComeBackWhenTheSessionMovesToAnotherProfile() {
        f.chainUserR1R2R3();
        f.configFile.addForeign("r3", Map.of("output", "json"));
        f.start.start(new StartSessionCommand("r3", true));

        f.edit.edit(new EditSessionCommand(
                SessionRef.of("r3"),
                Optional.empty(),
                Optional.of(NamedProfile.of("elsewhere")),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                false));

        assertEquals(Map.of("r3", Map.of("output", "json")), f.configFile.foreignSections());
        assertEquals(Set.of("elsewhere"), f.configFile.sections().keySet());
    }
}
