package io.rolehop.adapters.aws;

import io.rolehop.application.port.out.KnownRegions;
import io.rolehop.domain.InvalidValueException;
import io.rolehop.domain.Region;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The regions of the AWS SDK's partition metadata, which each SDK release brings up to date. */
public final class SdkKnownRegions implements KnownRegions {

    @Override
    public List<Region> regions() {
        List<Region> regions = new ArrayList<>();
        for (software.amazon.awssdk.regions.Region region : software.amazon.awssdk.regions.Region.regions()) {
            if (region.isGlobalRegion()) {
                continue;
            }
            try {
                regions.add(Region.of(region.id()));
            } catch (InvalidValueException e) {
                // Pseudo-regions (fips-*, *-fips) are endpoints, not regions a session can name.
            }
        }
        regions.sort(Comparator.comparing(Region::code));
        return List.copyOf(regions);
    }
}
