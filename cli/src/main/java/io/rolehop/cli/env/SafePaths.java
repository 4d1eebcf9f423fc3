package io.rolehop.cli.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a file or directory of rolehop's state may be trusted, as ssh decides for {@code ~/.ssh}: it must belong
 * to the user running rolehop (or to root) and be writable by no one else, or another user could change the code
 * rolehop loads or the sessions it hands out. Running as root, rolehop also refuses to create its home inside a
 * directory of another user (as {@code sudo} keeping {@code HOME} would), since root-owned files there would lock
 * that user out. See docs/cli-reference.md, "Files rolehop refuses". Loads nothing of the application, so the warm
 * path can ask too.
 */
public final class SafePaths {
    private static final int ROOT = 0;
    private static final int UNKNOWN = -1;
    private static final int WRITABLE_BY_OTHERS = 0022;

    private SafePaths() {}

    /** Why rolehop must not use {@code path}, if it must not; nothing for a path that does not exist. */
    public static Optional<String> problemWith(Path path) {
        Optional<Map<String, Object>> attributes = unixAttributes(path);
        if (attributes.isEmpty()) {
            return Optional.empty();
        }
        int owner = (Integer) attributes.get().get("uid");
        int mode = (Integer) attributes.get().get("mode") & 07777;
        if ((mode & WRITABLE_BY_OTHERS) != 0) {
            return Optional.of(path + " is writable by other users (mode " + octal(mode) + "); run 'chmod go-w " + path
                    + "' and try again");
        }
        int self = selfUid();
        if (self != UNKNOWN && owner != self && owner != ROOT) {
            return Optional.of(path + " belongs to uid " + owner + ", not to you (uid " + self + "; mode " + octal(mode)
                    + "); run rolehop as its owner (sudo -u), or set ROLEHOP_HOME to a directory of your own");
        }
        return Optional.empty();
    }

    /**
     * Why rolehop must not create its home {@code home} (which does not exist yet), if it must not: running as root,
     * the nearest existing directory above it belongs to another user.
     */
    public static Optional<String> problemCreating(Path home) {
        if (selfUid() != ROOT) {
            return Optional.empty();
        }
        for (Path dir = home.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            Optional<Map<String, Object>> attributes = unixAttributes(dir);
            if (attributes.isPresent()) {
                int owner = (Integer) attributes.get().get("uid");
                int mode = (Integer) attributes.get().get("mode") & 07777;
                return owner == ROOT
                        ? Optional.empty()
                        : Optional.of("refusing to create " + home + " as root in "
                                + dir + ", which belongs to uid " + owner + " (mode " + octal(mode)
                                + "): root-owned files"
                                + " would lock its owner out; run rolehop as that user (sudo -u), use sudo -H, or set"
                                + " ROLEHOP_HOME");
            }
        }
        return Optional.empty();
    }

    /** {@link #problemWith} of {@code home} if it exists, else {@link #problemCreating} it. */
    public static Optional<String> problemWithHome(Path home) {
        return Files.exists(home) ? problemWith(home) : problemCreating(home);
    }

    private static Optional<Map<String, Object>> unixAttributes(Path path) {
        try {
            return Optional.of(Files.readAttributes(path, "unix:uid,mode"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // No POSIX owner and mode here (or the path cannot be read): nothing to hold against it.
            return Optional.empty();
        }
    }

    /** The effective uid of this process (the owner of its {@code /proc/self}, or of a file it creates), if known. */
    static int selfUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return createdFileOwner();
        }
    }

    private static int createdFileOwner() {
        try {
            Path probe = Files.createTempFile("rolehop-uid", ".probe");
            try {
                return (Integer) Files.getAttribute(probe, "unix:uid");
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    private static String octal(int mode) {
        return String.format("%04o", mode);
    }
}
