package io.rolehop.application.service;

import io.rolehop.application.port.in.ServeCredentialsUseCase;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionRef;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.domain.Workspace;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serves cached hand-outs without waiting on anything, and resolves misses one at a time: a request that misses
 * waits for the resolution in progress, then looks at the cache again, which that resolution filled. One lock for
 * every session, because two sessions may share hops (an assumer, an MFA session token) that must be obtained once.
 * Misses are rare (once per session and expiry), so their waiting on each other costs little; cached answers never
 * take the lock.
 */
public final class ServeCredentialsService implements ServeCredentialsUseCase {
    private final WorkspaceStore store;
    private final ChainCredentialsResolver resolver;
    private final ReentrantLock resolving = new ReentrantLock();

    public ServeCredentialsService(WorkspaceStore store, ChainCredentialsResolver resolver) {
        this.store = Objects.requireNonNull(store, "store");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public TemporaryCredentials serve(SessionRef ref) {
        Objects.requireNonNull(ref, "ref");
        Workspace workspace = store.load();
        Session session = workspace.get(ref);
        Optional<TemporaryCredentials> cached = resolver.cachedHandOut(workspace, session);
        if (cached.isPresent()) {
            return cached.get();
        }
        resolving.lock();
        try {
            // handOut looks at the cache first: a resolution that ran while this request waited has filled it.
            return resolver.handOut(workspace, session);
        } finally {
            resolving.unlock();
        }
    }
}
