package io.rolehop.domain;

import java.util.List;

/** The sessions from a chain's root (no assumer) to its target, root first. Never empty. */
public record Chain(List<Session> hops) {

    public Chain {
        hops = List.copyOf(hops);
        if (hops.isEmpty()) {
            throw new IllegalArgumentException("a chain has at least one session");
        }
    }

    public Session root() {
        return hops.get(0);
    }

    public Session target() {
        return hops.get(hops.size() - 1);
    }

    /** The number of sessions in the chain: 1 for a root on its own. */
    public int length() {
        return hops.size();
    }
}
