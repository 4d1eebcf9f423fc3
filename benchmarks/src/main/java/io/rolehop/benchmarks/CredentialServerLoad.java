package io.rolehop.benchmarks;

import io.rolehop.adapters.aws.AwsIamRoleChainedAccessMethod;
import io.rolehop.adapters.aws.AwsIamUserAccessMethod;
import io.rolehop.adapters.filesystem.FileCredentialsCache;
import io.rolehop.adapters.filesystem.JsonWorkspaceStore;
import io.rolehop.application.service.AccessMethods;
import io.rolehop.application.service.ChainCredentialsResolver;
import io.rolehop.application.service.ServeCredentialsService;
import io.rolehop.cli.server.CredentialServer;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Load on a {@code rolehop serve} server answering from a warm cache: requests per second and latency percentiles
 * of a cached answer, measured by clients on the same machine that each send one request after another on a kept-alive
 * connection. The server is the real one on the real stack: {@link CredentialServer} over
 * {@link ServeCredentialsService}, the workspace file ({@link JsonWorkspaceStore}, read for every request) and the
 * file cache ({@link FileCredentialsCache}); only STS is a stand-in, called once to fill the cache.
 *
 * <p>Run after {@code ./mvnw -DskipTests package}:
 * <pre>{@code java -cp "benchmarks/target/classes:benchmarks/target/lib/*" io.rolehop.benchmarks.CredentialServerLoad [SECONDS]}</pre>
 * Figures are in docs/performance.md.
 */
public final class CredentialServerLoad {
    private static final int MAX_SAMPLES = 4_000_000;

    private CredentialServerLoad() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        System.setProperty("http.maxConnections", "64");
        Path home = Files.createTempDirectory("rolehop-serve-bench");
        Clock clock = Clock.systemUTC();
        JsonWorkspaceStore store = new JsonWorkspaceStore(home.resolve("workspace.json"));
        ChainResolutionBenchmark.MapSecrets secrets = new ChainResolutionBenchmark.MapSecrets();
        store.update(workspace -> {
            Session root = Session.create(
                    Alias.of("alice"),
                    AccessMethodId.of(AwsIamUserAccessMethod.ID),
                    NamedProfile.of("alice"),
                    Region.of("us-east-1"),
                    Optional.empty(),
                    Map.of());
            workspace.add(root);
            secrets.put("session/" + root.id().value() + "/access-key-id", "AKIAIOSFODNN7EXAMPLE");
            secrets.put(
                    "session/" + root.id().value() + "/secret-access-key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
            workspace.add(Session.create(
                    Alias.of("dev"),
                    AccessMethodId.of(AwsIamRoleChainedAccessMethod.ID),
                    NamedProfile.of("dev"),
                    Region.of("us-east-1"),
                    Optional.of(root.id()),
                    Map.of("role-arn", "arn:aws:iam::123456789012:role/dev", "role-session-name", "dev")));
            return null;
        });
        ChainCredentialsResolver resolver = new ChainCredentialsResolver(
                new AccessMethods(List.of(new AwsIamUserAccessMethod(), new AwsIamRoleChainedAccessMethod())),
                new ChainResolutionBenchmark.InstantSts(Instant.now()),
                secrets,
                new FileCredentialsCache(home.resolve("cache")),
                (alias, device, command) -> Optional.empty(),
                clock);
        ServeCredentialsService serve = new ServeCredentialsService(store, resolver);
        serve.serve(SessionRef.of("dev")); // fills the cache: every request below is a cached answer
        long direct = System.nanoTime();
        int calls = 20_000;
        for (int i = 0; i < calls; i++) {
            serve.serve(SessionRef.of("dev"));
        }
        System.out.printf(
                "the use case alone (workspace and cache files read each time): %.0f us a call%n",
                (System.nanoTime() - direct) / 1e3 / calls);
        String token = CredentialServer.newToken();
        try (CredentialServer server = CredentialServer.forAllSessions(
                serve, token, clock, new PrintStream(PrintStream.nullOutputStream()), 0)) {
            URL url = new URL(server.sessionUri("dev"));
            System.out.printf(
                    "rolehop serve, cached answers, %d processors, %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.printf(
                    "%8s %10s %12s %10s %10s %10s%n",
                    "clients", "requests", "requests/s", "p50 us", "p99 us", "p99.9 us");
            run(url, token, 4, 2, false); // warm-up: JIT, connections
            for (int clients : new int[] {1, 4, 16}) {
                run(url, token, clients, seconds, true);
            }
        }
    }

    private static void run(URL url, String token, int clients, double seconds, boolean print)
            throws InterruptedException {
        long[][] samples = new long[clients][];
        int[] counts = new int[clients];
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[clients];
        long[] window = new long[2];
        for (int c = 0; c < clients; c++) {
            int client = c;
            samples[c] = new long[MAX_SAMPLES / clients];
            threads[c] = new Thread(() -> {
                try {
                    start.await();
                    long end = window[1];
                    int n = 0;
                    while (n < samples[client].length) {
                        long before = System.nanoTime();
                        if (before >= end) {
                            break;
                        }
                        get(url, token);
                        samples[client][n++] = System.nanoTime() - before;
                    }
                    counts[client] = n;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            threads[c].start();
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + (long) (seconds * 1e9);
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - window[0]) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(samples[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        if (print) {
            System.out.printf(
                    "%8d %10d %12.0f %10.0f %10.0f %10.0f%n",
                    clients,
                    total,
                    total / elapsed,
                    percentile(all, 0.50),
                    percentile(all, 0.99),
                    percentile(all, 0.999));
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e3;
    }

    private static void get(URL url, String token) {
        try {
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            connection.setRequestProperty("Authorization", token);
            if (connection.getResponseCode() != 200) {
                throw new IllegalStateException("the server answered " + connection.getResponseCode());
            }
            try (InputStream in = connection.getInputStream()) {
                in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
