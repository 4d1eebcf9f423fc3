package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled distribution runs on the module path, from any directory and through a symlink. */
class DistributionIT {

    @TempDir
    Path dir;

    @Test
    void layoutIsAsDocumented() {
        Path dist = Dist.home();
        assertTrue(Files.isExecutable(dist.resolve("bin/rolehop")));
        assertTrue(Files.isDirectory(dist.resolve("lib")));
        assertTrue(Files.isDirectory(dist.resolve("plugins")));
    }

    @Test
    void versionFromAnotherDirectory() throws Exception {
        Dist.Result r = Dist.run(dir, List.of(Dist.launcher().toString(), "--version"), Dist.isolatedEnv(dir));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("rolehop "), r.toString());
    }

    @Test
    void helpThroughASymlink() throws Exception {
        Path link = dir.resolve("bin-link/rolehop");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Dist.launcher());
        Dist.Result r = Dist.run(dir, List.of(link.toString(), "--help"), Dist.isolatedEnv(dir));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("session"), r.toString());
    }

    @Test
    void runsOnTheModulePathWithTheRealAdapters() throws Exception {
        Dist.Result r = Dist.run(
                dir, List.of(Dist.launcher().toString(), "session", "list", "-o", "json"), Dist.isolatedEnv(dir));
        assertEquals(0, r.code(), r.toString());
        assertEquals("[ ]", r.out().strip());
        Dist.Result bad =
                Dist.run(dir, List.of(Dist.launcher().toString(), "session", "start", "nobody"), Dist.isolatedEnv(dir));
        assertEquals(2, bad.code(), bad.toString());
    }
}
