package io.rolehop.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.domain.Region;
import org.junit.jupiter.api.Test;

class RegionsServiceTest {
    private final Fixture f = new Fixture();

    @Test
    void defaultRegionIsUsEast1UntilSet() {
        assertEquals(Region.of("us-east-1"), f.regions.getDefault());
    }

    @Test
    void setDefaultIsStoredAndUsedForNewSessions() {
        f.regions.setDefault(Region.of("eu-west-3"));

        assertEquals(Region.of("eu-west-3"), f.regions.getDefault());
        assertEquals(Region.of("eu-west-3"), f.addUser("user").region());
    }

    @Test
    void setDefaultDoesNotMoveExistingSessions() {
        f.addUser("user");
        f.regions.setDefault(Region.of("eu-west-3"));
        assertEquals(Region.of("us-east-1"), f.session("user").region());
    }

    @Test
    void anUnknownRegionIsWarnedAboutWithTheNearKnownOnes() {
        String warning = f.regions.unknownRegionWarning(Region.of("eu-wst-1")).orElseThrow();

        assertTrue(warning.contains("'eu-wst-1'") && warning.contains("did you mean 'eu-west-1'"), warning);
        assertTrue(f.regions.unknownRegionWarning(Region.of("eu-west-1")).isEmpty());
    }
}
