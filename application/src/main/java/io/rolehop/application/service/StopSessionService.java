package io.rolehop.application.service;

import io.rolehop.application.port.in.StopSessionCommand;
import io.rolehop.application.port.in.StopSessionUseCase;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.domain.Session;
import java.util.Objects;

public final class StopSessionService implements StopSessionUseCase {
    private final WorkspaceStore store;
    private final ProfileApplier applier;

    public StopSessionService(WorkspaceStore store, ProfileApplier applier) {
        this.store = Objects.requireNonNull(store, "store");
        this.applier = Objects.requireNonNull(applier, "applier");
    }

    @Override
    public boolean stop(StopSessionCommand command) {
        return store.update(workspace -> {
            Session session = workspace.get(command.session());
            if (!session.isActive()) {
                return false;
            }
            applier.remove(session.profile());
            workspace.deactivate(session.id());
            return true;
        });
    }
}
