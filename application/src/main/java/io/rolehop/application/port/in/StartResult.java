package io.rolehop.application.port.in;

import io.rolehop.domain.Session;
import java.util.List;

/**
 * @param session the session as it is now
 * @param changed false when it was already active with credentials that still serve
 * @param stopped sessions stopped because they were active on the same profile
 */
public record StartResult(Session session, boolean changed, List<Session> stopped) {

    public StartResult {
        stopped = List.copyOf(stopped);
    }
}
