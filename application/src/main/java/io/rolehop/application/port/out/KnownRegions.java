package io.rolehop.application.port.out;

import io.rolehop.domain.Region;
import java.util.List;

/**
 * The regions of the AWS partitions this build knows of (public, China, GovCloud, ...). A region missing here may still
 * exist (a newer one): callers warn, never refuse.
 */
public interface KnownRegions {

    /** Every known region, sorted by code; never empty. */
    List<Region> regions();
}
