package io.rolehop.application.service;

import io.rolehop.application.port.in.ListSessionsUseCase;
import io.rolehop.application.port.in.SessionTree;
import io.rolehop.application.port.in.SessionView;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Session;
import io.rolehop.domain.Workspace;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public final class ListSessionsService implements ListSessionsUseCase {
    private final WorkspaceStore store;
    private final AccessMethods methods;

    public ListSessionsService(WorkspaceStore store, AccessMethods methods) {
        this.store = Objects.requireNonNull(store, "store");
        this.methods = Objects.requireNonNull(methods, "methods");
    }

    @Override
    public List<SessionView> list() {
        Workspace workspace = store.load();
        return workspace.sessions().stream().map(s -> view(workspace, s)).toList();
    }

    @Override
    public List<SessionTree> tree() {
        Workspace workspace = store.load();
        return workspace.roots().stream().map(root -> tree(workspace, root)).toList();
    }

    @Override
    public List<SessionView> current(Optional<NamedProfile> profile) {
        Workspace workspace = store.load();
        return workspace.active().stream()
                .filter(s -> profile.map(p -> p.equals(s.profile())).orElse(true))
                .map(s -> view(workspace, s))
                .toList();
    }

    private SessionTree tree(Workspace workspace, Session session) {
        return new SessionTree(
                view(workspace, session),
                workspace.directDependents(session.id()).stream()
                        .map(d -> tree(workspace, d))
                        .toList());
    }

    private SessionView view(Workspace workspace, Session session) {
        String methodName = methods.find(session.method().value())
                .map(AccessMethod::displayName)
                .orElse(session.method().value() + " (not installed)");
        return new SessionView(
                session,
                methodName,
                session.assumer().flatMap(workspace::find).map(a -> a.alias().value()));
    }
}
