package io.rolehop.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.domain.Partition;
import io.rolehop.domain.Region;
import java.util.HashSet;
import java.util.List;
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
    void knownRegionsCoverEveryPartitionWithoutDuplicates() {
        List<Region> regions = f.regions.list();

        assertEquals(regions.size(), new HashSet<>(regions).size());
        assertTrue(regions.contains(Region.of("us-east-1")));
        assertTrue(regions.contains(Region.of("cn-north-1")));
        assertTrue(regions.contains(Region.of("us-gov-west-1")));
        assertEquals(new HashSet<>(List.of(Partition.values())),
                new HashSet<>(regions.stream().map(Region::partition).toList()));
    }

    @Test
    void knownRegionsAreSorted() {
        List<String> codes = f.regions.list().stream().map(Region::code).toList();
        assertEquals(codes.stream().sorted().toList(), codes);
    }
}
