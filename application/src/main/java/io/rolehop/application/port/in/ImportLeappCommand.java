package io.rolehop.application.port.in;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * @param file the Leapp workspace file; {@code ~/.Leapp/Leapp-lock.json} when empty
 * @param machineId the id of the machine that wrote the file; this machine's when empty
 * @param dryRun whether only to report what would be done
 */
public record ImportLeappCommand(Optional<Path> file, Optional<String> machineId, boolean dryRun) {
    public ImportLeappCommand {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(machineId, "machineId");
    }
}
