package io.rolehop.cli.fast;

import io.rolehop.adapters.filesystem.FileCredentialsCache;
import io.rolehop.adapters.filesystem.JsonWorkspaceStore;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.Session;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.domain.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
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
 * The cache lookup of a warm {@code session generate}, in a workspace of {@code sessions} sessions on real files:
 * the warm path's whole answer ({@code warmPath}: workspace, cache entry, JSON line), and for comparison what the full
 * command does for the same (the Jackson workspace store, and the file cache's lookup). In this package because the
 * warm path's entry point is package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WarmPathBenchmark {
    @Param({"7", "100"})
    int sessions;

    Path home;
    Map<String, String> env;
    Instant now;
    String alias;
    String key;
    JsonWorkspaceStore store;
    FileCredentialsCache cache;

    @Setup
    public void setUp() throws IOException {
        home = Files.createTempDirectory("rolehop-warm-bench");
        env = Map.of(
                "HOME", home.toString(), "ROLEHOP_HOME", home.resolve("rolehop").toString());
        store = new JsonWorkspaceStore(home.resolve("rolehop").resolve("workspace.json"));
        cache = new FileCredentialsCache(home.resolve("rolehop").resolve("cache"));
        now = Instant.now();
        Session last = store.update(workspace -> {
            Session previous = null;
            for (int i = 0; i < sessions; i++) {
                Session s = Session.create(
                        Alias.of("session " + i),
                        AccessMethodId.of(previous == null ? "aws-iam-user" : "aws-iam-role-chained"),
                        NamedProfile.of("p" + i),
                        Region.of("eu-west-1"),
                        previous == null ? Optional.empty() : Optional.of(previous.id()),
                        previous == null ? Map.of() : Map.of("role-arn", "arn:aws:iam::123456789012:role/r" + i));
                workspace.add(s);
                previous = s;
            }
            workspace.putSetting(Workspace.REFRESH_MARGIN_SETTING, "900");
            return previous;
        });
        alias = last.alias().value();
        key = last.id().value();
        cache.put(
                key,
                new TemporaryCredentials(
                        "ASIABENCHMARK0000001",
                        "benchmarkSecret/+x",
                        "benchmarkToken/+y==",
                        now.plus(Duration.ofHours(1))));
        if (WarmGenerate.credentialProcessLine(env, alias, now).isEmpty()) {
            throw new IllegalStateException("the warm path does not serve the benchmark's session");
        }
    }

    @Benchmark
    public Optional<String> warmPath() {
        return WarmGenerate.credentialProcessLine(env, alias, now);
    }

    @Benchmark
    public Optional<TemporaryCredentials> fileCacheLookup() {
        return cache.get(key);
    }

    @Benchmark
    public Workspace jacksonWorkspaceLoad() {
        return store.load();
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
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
