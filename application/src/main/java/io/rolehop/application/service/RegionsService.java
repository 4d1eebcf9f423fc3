package io.rolehop.application.service;

import io.rolehop.application.port.in.RegionsUseCase;
import io.rolehop.application.port.out.KnownRegions;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.domain.NearMatches;
import io.rolehop.domain.Region;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public final class RegionsService implements RegionsUseCase {
    private final WorkspaceStore store;

    private final KnownRegions known;

    public RegionsService(WorkspaceStore store, KnownRegions known) {
        this.store = Objects.requireNonNull(store, "store");
        this.known = Objects.requireNonNull(known, "known");
    }

    @Override
    public List<Region> list() {
        return known.regions();
    }

    @Override
    public Region getDefault() {
        return store.load().defaultRegion();
    }

    @Override
    public void setDefault(Region region) {
        store.update(workspace -> {
            workspace.setDefaultRegion(region);
            return null;
        });
    }

    @Override
    public Optional<String> unknownRegionWarning(Region region) {
        List<Region> regions = known.regions();
        if (regions.contains(region)) {
            return Optional.empty();
        }
        return Optional.of("region '" + region + "' is not one rolehop knows (a newer region works all the same)"
                + NearMatches.didYouMean(
                        region.code(), regions.stream().map(Region::code).toList())
                + "; see 'rolehop region list'");
    }
}
