package io.rolehop.application.service;

import io.rolehop.application.port.in.StartResult;
import io.rolehop.application.port.in.StartSessionCommand;
import io.rolehop.application.port.in.StartSessionUseCase;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.domain.Session;
import io.rolehop.domain.TemporaryCredentials;
import java.util.List;
import java.util.Objects;

public final class StartSessionService implements StartSessionUseCase {
    private final WorkspaceStore store;
    private final ChainCredentialsResolver resolver;
    private final ProfileApplier applier;

    public StartSessionService(WorkspaceStore store, ChainCredentialsResolver resolver, ProfileApplier applier) {
        this.store = Objects.requireNonNull(store, "store");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.applier = Objects.requireNonNull(applier, "applier");
    }

    @Override
    public StartResult start(StartSessionCommand command) {
        return store.update(workspace -> {
            Session session = workspace.get(command.session());
            if (session.isActive() && resolver.cachedHandOut(workspace, session).isPresent()
                    && applier.isApplied(session)) {
                return new StartResult(session, false, List.of());
            }
            TemporaryCredentials credentials = resolver.handOut(workspace, session);
            applier.apply(session, credentials, command.force());
            List<Session> stopped = workspace.activate(session.id(), credentials.expiration());
            return new StartResult(workspace.get(session.id()), true, stopped);
        });
    }
}
