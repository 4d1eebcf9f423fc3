package io.rolehop.application.port.in;

import io.rolehop.domain.Region;
import java.util.List;
import java.util.Optional;

/** The regions rolehop knows and the workspace's default region. */
public interface RegionsUseCase {

    List<Region> list();

    Region getDefault();

    void setDefault(Region region);

    /**
     * A warning when {@code region} is not one of the known regions, with the known ones near it offered; empty for a
     * known region. Unknown regions are still accepted (a newer region than this build knows).
     */
    Optional<String> unknownRegionWarning(Region region);
}
