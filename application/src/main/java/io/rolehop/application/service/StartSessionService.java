package io.rolehop.application.service;

import io.rolehop.application.port.in.StartResult;
import io.rolehop.application.port.in.StartSessionCommand;
import io.rolehop.application.port.in.StartSessionUseCase;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.Session;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.domain.Workspace;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public final class StartSessionService implements StartSessionUseCase {
    /** Workspace setting naming the mode a new session gets (docs/handing-out-credentials.md). */
    public static final String DEFAULT_MODE_SETTING = "default-mode";

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
        // Resolve the chain before taking the workspace lock, so that STS calls, their retries and an MFA prompt keep
        // no other rolehop process waiting for the lock. What was resolved is cached: the same resolution under the
        // lock below is a cache hit, unless the workspace changed in between, and then it resolves again.
        Workspace snapshot = store.load();
        resolver.handOut(snapshot, snapshot.get(command.session()), command.mfaCode());
        return store.update(workspace -> {
            Session session = workspace.get(command.session());
            resolver.forgetIfChangedSince(snapshot, workspace, session.id());
            // A session keeps its mode until told otherwise: a plain start never turns credential_process into keys.
            DeliveryMode mode = command.mode().orElse(session.mode());
            if (session.isActive()
                    && session.mode() == mode
                    && applier.isApplied(session)
                    && resolver.cachedHandOut(workspace, session)
                            .filter(c -> mode == DeliveryMode.CREDENTIAL_PROCESS
                                    || session.expiration().equals(Optional.of(c.expiration())))
                            .isPresent()) {
                // In file mode the cached credentials must be the ones in the profile: 'generate' or a refresh
                // through another session may have cached newer ones while the profile's are about to expire.
                return new StartResult(session, false, List.of());
            }
            // Resolve first even in credential_process mode: a broken chain fails here, not in the user's tools.
            TemporaryCredentials credentials = resolver.handOut(workspace, session);
            applier.apply(session, credentials, mode, command.force());
            List<Session> stopped = workspace.activate(session.id(), credentials.expiration(), mode);
            return new StartResult(workspace.get(session.id()), true, stopped);
        });
    }

    static DeliveryMode defaultMode(Workspace workspace) {
        return workspace.setting(DEFAULT_MODE_SETTING).map(DeliveryMode::parse).orElse(DeliveryMode.FILE);
    }
}
