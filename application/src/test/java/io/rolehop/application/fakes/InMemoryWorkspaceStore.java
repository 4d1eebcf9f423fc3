package io.rolehop.application.fakes;

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
    private Runnable onUpdate = () -> {};

    @Override
    public synchronized Workspace load() {
        return copy(stored);
    }

    @Override
    public synchronized <T> T update(Function<Workspace, T> change) {
        onUpdate.run();
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

    /** Runs {@code action} as each update takes the (notional) lock, before the change, e.g. to see what ran first. */
    public synchronized void onUpdate(Runnable action) {
        this.onUpdate = java.util.Objects.requireNonNull(action, "action");
    }

    /** How many updates completed. */
    public synchronized int saves() {
        return saves;
    }

    private static Workspace copy(Workspace w) {
        return new Workspace(w.sessions(), w.profiles(), w.defaultRegion(), w.settings());
    }
}
