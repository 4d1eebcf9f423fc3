package io.rolehop.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the external tools the fixtures drive. */
final class Executables {
    private Executables() {}

    /**
     * The executable {@code name} on {@code PATH}.
     *
     * @throws IllegalStateException when it is missing: these tests must fail, not skip, on a machine without it
     */
    static Path require(String name, String installHint) {
        return find(name)
                .orElseThrow(() -> new IllegalStateException(
                        "'" + name + "' is not on PATH (" + System.getenv("PATH") + "); " + installHint));
    }

    static Optional<Path> find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
