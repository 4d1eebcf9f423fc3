package io.rolehop.benchmarks;

import io.rolehop.adapters.filesystem.IniCredentialsFile;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.TemporaryCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link IniCredentialsFile}: write one owned profile into a shared credentials file holding {@code profiles} foreign
 * ones, then remove it (what {@code session start} and {@code stop} do to the file), on a real file in a temporary
 * directory: the lock, the edit, the re-parse that proves the other sections unchanged, the atomic replace.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IniUpdateBenchmark {
    private static final NamedProfile PROFILE = NamedProfile.of("rolehop-bench");
    private static final TemporaryCredentials CREDENTIALS = new TemporaryCredentials(
            "ASIABENCHMARK0000001", "benchmarkSecret", "benchmarkToken", Instant.parse("2999-01-01T00:00:00Z"));

    @Param({"0", "1000", "10000"})
    int profiles;

    Path directory;
    IniCredentialsFile file;

    @Setup
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("rolehop-ini-bench");
        Path location = directory.resolve("credentials");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < profiles; i++) {
            text.append("[other-")
                    .append(i)
                    .append("]\naws_access_key_id = AKIAOTHER")
                    .append(100000 + i)
                    .append("\naws_secret_access_key = ")
                    .append("s".repeat(40))
                    .append("\n\n");
        }
        Files.writeString(location, text, StandardCharsets.UTF_8);
        file = new IniCredentialsFile(location);
    }

    @Benchmark
    public boolean writeAndRemove() {
        file.write(PROFILE, CREDENTIALS, false);
        return file.remove(PROFILE);
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
