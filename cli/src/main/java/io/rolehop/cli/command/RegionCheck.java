package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.RegionsUseCase;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.domain.Region;
import java.util.Optional;

/**
 * A warning on stderr for a region the SDK's partitions do not list, with the near known ones: a typo such as
 * {@code eu-wst-1} is caught when it is typed rather than at the next start; the region is kept all the same.
 */
final class RegionCheck {
    private final Provider<RegionsUseCase> regions;
    private final CliEnvironment environment;

    @Inject
    RegionCheck(Provider<RegionsUseCase> regions, CliEnvironment environment) {
        this.regions = regions;
        this.environment = environment;
    }

    /** Warns about {@code region} if it is given and unknown. */
    void warnIfUnknown(Optional<Region> region) {
        region.flatMap(r -> regions.get().unknownRegionWarning(r))
                .ifPresent(warning -> environment.err().println("rolehop: warning: " + warning));
    }
}
