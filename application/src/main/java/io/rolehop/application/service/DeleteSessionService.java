package io.rolehop.application.service;

import io.rolehop.application.port.in.DeleteSessionCommand;
import io.rolehop.application.port.in.DeleteSessionUseCase;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.domain.Session;
import io.rolehop.domain.Workspace;
import java.util.List;
import java.util.Objects;

/**
 * Deletes all or nothing, secrets first: the secret store is the part most likely to fail (a wrong passphrase, a
 * locked keychain), and a failure there leaves the workspace and the profiles as they were, with every session still
 * named, so that nothing becomes unreachable and the same command converges when run again.
 */
public final class DeleteSessionService implements DeleteSessionUseCase {
    private final WorkspaceStore store;
    private final ProfileApplier applier;
    private final ChainCredentialsResolver resolver;
    private final SecretStore secrets;

    public DeleteSessionService(
            WorkspaceStore store, ProfileApplier applier, ChainCredentialsResolver resolver, SecretStore secrets) {
        this.store = Objects.requireNonNull(store, "store");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    @Override
    public List<Session> plan(DeleteSessionCommand command) {
        Workspace workspace = store.load();
        return workspace.remove(workspace.get(command.session()).id(), command.cascade());
    }

    @Override
    public List<Session> delete(DeleteSessionCommand command) {
        return store.update(workspace -> {
            Session session = workspace.get(command.session());
            // Refused here (dependents without cascade) before anything is touched.
            List<Session> gone = workspace.remove(session.id(), command.cascade());
            // Secrets while the workspace still names the sessions: should this fail, the workspace is not saved. A
            // secret deleted before a later failure is no loss: the session stays and the next delete finishes.
            for (Session s : gone) {
                secrets.keys(SecretKeys.prefix(s.id())).forEach(secrets::delete);
            }
            for (Session s : gone) {
                resolver.forget(s.id());
                if (s.isActive()) {
                    applier.remove(s.profile());
                }
            }
            return gone;
        });
    }
}
