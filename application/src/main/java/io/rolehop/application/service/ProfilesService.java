package io.rolehop.application.service;

import io.rolehop.application.port.in.ProfilesUseCase;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Session;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.domain.Workspace;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public final class ProfilesService implements ProfilesUseCase {
    private final WorkspaceStore store;
    private final ChainCredentialsResolver resolver;
    private final ProfileApplier applier;

    public ProfilesService(WorkspaceStore store, ChainCredentialsResolver resolver, ProfileApplier applier) {
        this.store = Objects.requireNonNull(store, "store");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.applier = Objects.requireNonNull(applier, "applier");
    }

    @Override
    public List<ProfileView> list() {
        Workspace workspace = store.load();
        return workspace.profiles().stream()
                .map(p -> new ProfileView(
                        p,
                        workspace.sessions().stream()
                                .filter(s -> s.profile().equals(p))
                                .map(s -> s.alias().value())
                                .toList(),
                        workspace.activeOn(p).map(s -> s.alias().value())))
                .toList();
    }

    @Override
    public boolean create(NamedProfile profile) {
        return store.update(workspace -> {
            boolean existed = workspace.hasProfile(profile);
            workspace.addProfile(profile);
            return !existed;
        });
    }

    @Override
    public void rename(NamedProfile from, NamedProfile to) {
        store.update(workspace -> {
            Optional<Session> active = workspace.activeOn(from);
            workspace.renameProfile(from, to);
            if (active.isPresent()) {
                Session moved = workspace.get(active.get().id());
                TemporaryCredentials credentials = resolver.handOut(workspace, moved);
                applier.apply(moved, credentials, moved.mode(), false);
                applier.remove(from);
                workspace.activate(moved.id(), credentials.expiration());
            }
            return null;
        });
    }

    @Override
    public void delete(NamedProfile profile) {
        store.update(workspace -> {
            workspace.removeProfile(profile);
            return null;
        });
    }
}
