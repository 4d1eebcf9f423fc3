package io.rolehop.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.domain.Partition;
import io.rolehop.domain.Region;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdkKnownRegionsTest {
    private final List<Region> regions = new SdkKnownRegions().regions();

    @Test
    void everyPartitionIsCoveredOnceSortedAndWithoutPseudoRegions() {
        assertEquals(regions.size(), new HashSet<>(regions).size());
        assertTrue(regions.containsAll(List.of(
                Region.of("us-east-1"), Region.of("eu-west-1"), Region.of("cn-north-1"), Region.of("us-gov-west-1"))));
        assertEquals(
                new HashSet<>(List.of(Partition.values())),
                new HashSet<>(regions.stream().map(Region::partition).toList()));
        List<String> codes = regions.stream().map(Region::code).toList();
        assertEquals(codes.stream().sorted().toList(), codes);
        assertFalse(codes.stream().anyMatch(c -> c.contains("fips") || c.startsWith("aws-")), codes.toString());
    }

    @Test
    void aMistypedRegionIsNotKnown() {
        assertFalse(regions.contains(Region.of("eu-wst-1")));
    }
}
