package io.rolehop.application.port.in;

import java.util.List;

/** A session and the sessions assumed from it. */
public record SessionTree(SessionView session, List<SessionTree> dependents) {

    public SessionTree {
        dependents = List.copyOf(dependents);
    }
}
