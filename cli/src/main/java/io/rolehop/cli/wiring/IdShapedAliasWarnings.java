package io.rolehop.cli.wiring;

import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.domain.Session;
import io.rolehop.domain.Workspace;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The workspace store, warning once per session and process about an alias shaped like a session id: a workspace
 * written before such aliases were refused can hold one. It still loads, and ids are looked up first (see
 * docs/cli-reference.md, "Aliases and ids"); the warning says how to rename it.
 */
final class IdShapedAliasWarnings implements WorkspaceStore {
    private final WorkspaceStore store;
    private final Consumer<String> warnings;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    IdShapedAliasWarnings(WorkspaceStore store, Consumer<String> warnings) {
        this.store = Objects.requireNonNull(store, "store");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    @Override
    public Workspace load() {
        return checked(store.load());
    }

    @Override
    public <T> T update(Function<Workspace, T> change) {
        return store.update(workspace -> change.apply(checked(workspace)));
    }

    @Override
    public Path location() {
        return store.location();
    }

    private Workspace checked(Workspace workspace) {
        for (Session s : workspace.sessions()) {
            if (s.alias().looksLikeId() && warned.add(s.id().value())) {
                warnings.accept("the alias '" + s.alias() + "' of session " + s.id() + " is shaped like a session id;"
                        + " ids are looked up first, so it names that session only if no session has that id: rename"
                        + " it with 'rolehop session edit " + s.id() + " --alias NEW'");
            }
        }
        return workspace;
    }
}
