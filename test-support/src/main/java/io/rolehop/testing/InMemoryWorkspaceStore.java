package io.rolehop.testing;

import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.domain.Workspace;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A workspace kept in memory. {@link #update} works on a copy and keeps it only when the change returns normally, as
 * the real store does.
 */
public final class InMemoryWorkspaceStore implements WorkspaceStore {
    private Workspace stored = new Workspace();
    private int saves;

    @Override
    public synchronized Workspace load() {
        return copy(stored);
    }

    @Override
    public synchronized <T> T update(Function<Workspace, T> change) {
        Workspace working = copy(stored);
        T result = change.apply(working);
        stored = copy(working);
        saves++;
        return result;
    }

    @Override
    public Path location() {
        return Path.of("in-memory-workspace.json");
    }

    /** How many updates completed. */
    public synchronized int saves() {
        return saves;
    }

    private static Workspace copy(Workspace w) {
        return new Workspace(w.sessions(), w.profiles(), w.defaultRegion(), w.settings());
    }
}
