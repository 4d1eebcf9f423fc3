package io.rolehop.application.port.out;

import java.nio.file.Path;
import java.util.Optional;

/** Reads a Leapp workspace file ({@code ~/.Leapp/Leapp-lock.json}), which Leapp encrypts with a key from the machine. */
public interface LeappWorkspaceReader {

    /**
     * Reads and decrypts the workspace.
     *
     * @param file the file; Leapp's default location when empty
     * @param machineId the machine id Leapp's key derives from, as the machine reports it; this machine's when empty
     * @throws io.rolehop.application.UsageException when the file does not exist or is not a Leapp workspace
     * @throws io.rolehop.application.OperationFailedException when it cannot be read or decrypted with that machine id
     */
    LeappWorkspace read(Optional<Path> file, Optional<String> machineId);
}
