package io.rolehop.application.service;

import io.rolehop.application.port.in.LogoutSessionCommand;
import io.rolehop.application.port.in.LogoutSessionUseCase;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.domain.Session;
import io.rolehop.domain.Workspace;
import java.util.List;
import java.util.Objects;

public final class LogoutSessionService implements LogoutSessionUseCase {
    private final WorkspaceStore store;
    private final ChainCredentialsResolver resolver;

    public LogoutSessionService(WorkspaceStore store, ChainCredentialsResolver resolver) {
        this.store = Objects.requireNonNull(store, "store");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public List<Session> logout(LogoutSessionCommand command) {
        Workspace workspace = store.load();
        return resolver.forgetWithDependents(
                workspace, workspace.get(command.session()).id());
    }
}
