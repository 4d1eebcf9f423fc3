package io.rolehop.application.port.in;

import io.rolehop.domain.Region;
import java.util.List;

/** The regions rolehop knows and the workspace's default region. */
public interface RegionsUseCase {

    List<Region> list();

    Region getDefault();

    void setDefault(Region region);
}
