package io.rolehop.cli.reliability;

import io.rolehop.cli.Dist;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs many real {@code bin/rolehop} processes at once and keeps every word they printed, for the secret scan. */
final class Processes {
    private final Map<String, String> env;
    private final Path workingDirectory;
    private final List<String> transcript = Collections.synchronizedList(new ArrayList<>());

    Processes(Map<String, String> env, Path workingDirectory) {
        this.env = Map.copyOf(env);
        this.workingDirectory = workingDirectory;
    }

    /** One run of {@code bin/rolehop ARGS}, waited for. */
    Dist.Result run(String stdin, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Dist.launcher().toString());
        command.addAll(args);
        try {
            Dist.Result r = Dist.run(workingDirectory, command, env, stdin);
            transcript.add(String.join(" ", args) + "\n" + r.out() + "\n" + r.err());
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Dist.Result run(String... args) {
        return run("", List.of(args));
    }

    /** Runs all the commands at once, each in its own process, and returns their results in order. */
    List<Dist.Result> runTogether(List<List<String>> commands) {
        ExecutorService pool = Executors.newFixedThreadPool(commands.size());
        try {
            List<Future<Dist.Result>> futures = new ArrayList<>();
            for (List<String> args : commands) {
                futures.add(pool.submit(() -> run("", args)));
            }
            List<Dist.Result> results = new ArrayList<>();
            for (Future<Dist.Result> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    void note(String text) {
        transcript.add(text);
    }

    String transcript() {
        synchronized (transcript) {
            return String.join("\n", transcript);
        }
    }

    int runs() {
        return transcript.size();
    }
}
