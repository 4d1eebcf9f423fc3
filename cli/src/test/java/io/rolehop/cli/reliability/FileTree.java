package io.rolehop.cli.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file and directory under some roots, with its bytes and mode: to prove a command changed nothing. Lock files
 * are compared by mode only: each holder writes its token into them, which is the lock doing its job.
 */
final class FileTree {
    private final Map<String, Entry> entries;

    private record Entry(String kind, String mode, byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && kind.equals(e.kind) && mode.equals(e.mode) && Arrays.equals(bytes, e.bytes);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, mode, Arrays.hashCode(bytes));
        }
    }

    private FileTree(Map<String, Entry> entries) {
        this.entries = entries;
    }

    static FileTree of(Path... roots) {
        Map<String, Entry> entries = new TreeMap<>();
        for (Path root : roots) {
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.toList()) {
                    entries.put(p.toString(), entry(p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new FileTree(entries);
    }

    private static Entry entry(Path p) {
        try {
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
            if (Files.isSymbolicLink(p)) {
                return new Entry(
                        "link", mode, Files.readSymbolicLink(p).toString().getBytes());
            }
            if (Files.isDirectory(p)) {
                return new Entry("dir", mode, new byte[0]);
            }
            String name = p.getFileName().toString();
            if (name.endsWith(".lock") || name.endsWith(".rolehop-lock")) {
                return new Entry("lock", mode, new byte[0]);
            }
            return new Entry("file", mode, Files.readAllBytes(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What differs from {@code other}: paths added, removed or changed; empty when identical. */
    List<String> differences(FileTree other) {
        List<String> out = new ArrayList<>();
        for (String path : entries.keySet()) {
            if (!other.entries.containsKey(path)) {
                out.add("removed " + path);
            } else if (!entries.get(path).equals(other.entries.get(path))) {
                out.add("changed " + path);
            }
        }
        for (String path : other.entries.keySet()) {
            if (!entries.containsKey(path)) {
                out.add("added " + path);
            }
        }
        return out;
    }

    int size() {
        return entries.size();
    }
}
