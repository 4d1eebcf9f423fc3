package io.rolehop.application.service;

import io.rolehop.domain.Session;
import io.rolehop.domain.SessionId;
import io.rolehop.domain.Workspace;
import java.util.List;

/** Whether a session's chain is obtained the same way in two versions of the workspace. */
final class ChainDerivation {
    private ChainDerivation() {}

    /**
     * Whether {@code session} is in both workspaces and every hop of its chain is obtained the same way in both
     * (method, fields, region, assumer); status and expiry do not count.
     */
    static boolean alike(Workspace before, Workspace now, SessionId session) {
        return before.find(session).isPresent()
                && now.find(session).isPresent()
                && sameDerivation(
                        before.chainOf(session).hops(), now.chainOf(session).hops());
    }

    private static boolean sameDerivation(List<Session> first, List<Session> second) {
        if (first.size() != second.size()) {
            return false;
        }
        for (int i = 0; i < first.size(); i++) {
            Session x = first.get(i);
            Session y = second.get(i);
            if (!x.id().equals(y.id())
                    || !x.method().equals(y.method())
                    || !x.region().equals(y.region())
                    || !x.assumer().equals(y.assumer())
                    || !x.attributes().equals(y.attributes())) {
                return false;
            }
        }
        return true;
    }
}
