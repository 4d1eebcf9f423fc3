package io.rolehop.cli.env;

import io.rolehop.application.OperationFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code $ROLEHOP_HOME/bin/rolehop}: the launcher path written into {@code credential_process} lines, a symbolic link
 * rolehop keeps pointing at the launcher that runs it. The lines stay the same when the distribution is moved,
 * upgraded or rebuilt: whichever launcher runs next points the link at itself (see docs/handing-out-credentials.md,
 * "The credential_process line"). A regular file a user puts there instead is left alone and used as it is.
 */
public final class LauncherLink {
    private LauncherLink() {}

    /** Where the link is, for this rolehop home. */
    public static Path location(Path rolehopHome) {
        return rolehopHome.toAbsolutePath().resolve("bin").resolve("rolehop");
    }

    /**
     * Points the link at {@code launcher}, creating it (and {@code bin/}) when missing, and returns the link.
     *
     * @throws OperationFailedException when the link cannot be made
     */
    public static Path pointAt(Path rolehopHome, Path launcher) {
        Path link = location(rolehopHome);
        Path target = launcher.toAbsolutePath();
        try {
            if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
                return link;
            }
            if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
                return link;
            }
            if (!Files.isDirectory(link.getParent())) {
                Files.createDirectories(
                        link.getParent(),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            // A new link beside the old one, renamed over it: a tool running the line meanwhile finds one or the other.
            Path fresh =
                    link.resolveSibling(".rolehop." + ProcessHandle.current().pid() + ".link");
            Files.deleteIfExists(fresh);
            Files.createSymbolicLink(fresh, target);
            Files.move(fresh, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return link;
        } catch (IOException | UnsupportedOperationException e) {
            throw new OperationFailedException(
                    "cannot point " + link + " at the launcher " + target + " (" + e.getMessage()
                            + "); credential_process lines name that link",
                    e);
        }
    }

    /**
     * Re-points an existing link that names another launcher, as after a move or an upgrade; creates none, and leaves
     * the link as it is when it cannot be changed (the next command that writes a line says why).
     */
    public static void refresh(Path rolehopHome, Path launcher) {
        Path link = location(rolehopHome);
        try {
            if (Files.isSymbolicLink(link) && !Files.readSymbolicLink(link).equals(launcher.toAbsolutePath())) {
                pointAt(rolehopHome, launcher);
            }
        } catch (IOException | OperationFailedException e) {
            // Left as it is: this runs before every command, which must not fail for it.
        }
    }
}
