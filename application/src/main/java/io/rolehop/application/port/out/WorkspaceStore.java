package io.rolehop.application.port.out;

import io.rolehop.domain.Workspace;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the workspace lives ({@code $ROLEHOP_HOME/workspace.json}): no secrets, a schema version, mode 0600, atomic
 * replacement, the previous copy kept as a backup. A corrupt file, or one written by a newer schema, is reported with
 * {@link io.rolehop.application.OperationFailedException} naming the file and the backup, and never overwritten.
 */
public interface WorkspaceStore {

    /** The stored workspace, or a new empty one when none was stored yet. */
    Workspace load();

    /**
     * Loads the workspace under an exclusive cross-process lock, applies {@code change} and saves the result if the
     * change returns normally; an exception from {@code change} saves nothing. The lock is waited for a bounded time.
     */
    <T> T update(Function<Workspace, T> change);

    /** Where the workspace file is. */
    Path location();
}
