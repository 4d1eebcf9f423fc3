package io.rolehop.application.service;

import io.rolehop.application.port.in.DeleteSessionUseCase;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.domain.Session;
import java.util.List;
import java.util.Objects;

public final class DeleteSessionService implements DeleteSessionUseCase {
    private final WorkspaceStore store;
    private final ProfileApplier applier;
    private final ChainCredentialsResolver resolver;
    private final SecretStore secrets;

    public DeleteSessionService(WorkspaceStore store, ProfileApplier applier, ChainCredentialsResolver resolver,
            SecretStore secrets) {
        this.store = Objects.requireNonNull(store, "store");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    @Override
    public List<Session> delete(String aliasOrId, boolean cascade) {
        List<Session> removed = store.update(workspace -> {
            Session session = workspace.get(aliasOrId);
            List<Session> gone = workspace.remove(session.id(), cascade);
            for (Session s : gone) {
                if (s.isActive()) {
                    applier.remove(s.profile());
                }
            }
            return gone;
        });
        // Secrets and caches go once the workspace no longer names the sessions.
        for (Session s : removed) {
            resolver.forget(s.id());
            secrets.keys(SecretKeys.prefix(s.id())).forEach(secrets::delete);
        }
        return removed;
    }
}
