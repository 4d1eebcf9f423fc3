package io.rolehop.adapters.filesystem;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.domain.Workspace;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The workspace as a JSON file ({@code $ROLEHOP_HOME/workspace.json}) with {@code "schemaVersion": 1}: mode 0600,
 * replaced atomically under a lock, the previous version kept as {@code workspace.json.bak}, and a file it cannot
 * read never overwritten. The format is {@link JsonWorkspaceCodec}'s; this class is the file: lock, atomic
 * replacement, backup and the messages that name it.
 */
public final class JsonWorkspaceStore implements WorkspaceStore {
    static final int SCHEMA_VERSION = JsonWorkspaceCodec.SCHEMA_VERSION;

    private final Path location;
    private final Duration lockTimeout;
    private final JsonWorkspaceCodec codec = new JsonWorkspaceCodec();

    /** The workspace at {@code location}, e.g. {@code $ROLEHOP_HOME/workspace.json}. */
    public JsonWorkspaceStore(Path location) {
        this(location, CrossProcessLock.DEFAULT_TIMEOUT);
    }

    /** Like {@link #JsonWorkspaceStore(Path)}, waiting at most {@code lockTimeout} for another writer. */
    public JsonWorkspaceStore(Path location, Duration lockTimeout) {
        this.location = Objects.requireNonNull(location, "location");
        this.lockTimeout = CrossProcessLock.requirePositive(lockTimeout);
    }

    @Override
    public Workspace load() {
        return AtomicFiles.readIfExists(location).map(this::decode).orElseGet(Workspace::new);
    }

    @Override
    @SuppressWarnings("try") // the lock is held by the try block itself
    public <T> T update(Function<Workspace, T> change) {
        Objects.requireNonNull(change, "change");
        Path target = AtomicFiles.writeTarget(location);
        Path lockFile = target.resolveSibling(target.getFileName() + ".lock");
        try (CrossProcessLock.Held held = new CrossProcessLock(lockFile, location, lockTimeout).acquire()) {
            Optional<byte[]> before = AtomicFiles.readIfExists(location);
            Workspace workspace = before.map(this::decode).orElseGet(Workspace::new);
            T result = change.apply(workspace);
            byte[] after = encode(workspace);
            // An update that changes nothing writes nothing: the .bak keeps the real previous version.
            if (before.isEmpty() || !Arrays.equals(before.get(), after)) {
                before.ifPresent(bytes -> AtomicFiles.replace(backup(), bytes, AtomicFiles.Mode.PRIVATE));
                AtomicFiles.replace(location, after, AtomicFiles.Mode.PRIVATE);
            }
            return result;
        }
    }

    @Override
    public Path location() {
        return location;
    }

    private Path backup() {
        return location.resolveSibling(location.getFileName() + ".bak");
    }

    private Workspace decode(byte[] bytes) {
        try {
            return codec.decode(bytes);
        } catch (JsonWorkspaceCodec.Unreadable e) {
            if (e.newerVersion() > 0) {
                throw new OperationFailedException("the workspace " + location + " was written by a newer rolehop"
                        + " (schema version " + e.newerVersion() + ", this one reads up to " + SCHEMA_VERSION + "); it"
                        + " was left untouched: upgrade rolehop" + recovery());
            }
            throw new OperationFailedException(
                    "cannot read the workspace " + location + ": " + e.getMessage()
                            + "; the file was left untouched: fix it or move it away" + recovery(),
                    e.getCause());
        }
    }

    private byte[] encode(Workspace workspace) {
        try {
            return codec.encode(workspace);
        } catch (UncheckedIOException e) {
            throw new OperationFailedException(
                    "cannot write the workspace " + location + ": "
                            + e.getCause().getMessage(),
                    e);
        }
    }

    private String recovery() {
        Path backup = backup();
        if (Files.exists(backup)) {
            return " (the previous version is in " + backup + ")";
        }
        return " (rolehop then starts with an empty workspace)";
    }
}
