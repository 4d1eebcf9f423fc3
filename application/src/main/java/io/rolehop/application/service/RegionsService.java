package io.rolehop.application.service;

import io.rolehop.application.port.in.RegionsUseCase;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.domain.Region;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

public final class RegionsService implements RegionsUseCase {
    /** The public AWS regions, China and GovCloud. Other valid codes are accepted too. */
    static final List<Region> KNOWN = Stream.of(
            "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
            "ap-southeast-5", "ap-southeast-7", "ca-central-1", "ca-west-1", "cn-north-1", "cn-northwest-1",
            "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2",
            "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1",
            "us-east-2", "us-gov-east-1", "us-gov-west-1", "us-west-1", "us-west-2").map(Region::of).toList();

    private final WorkspaceStore store;

    public RegionsService(WorkspaceStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<Region> list() {
        return KNOWN;
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
}
