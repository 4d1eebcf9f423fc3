package io.rolehop.cli.fast;

import io.rolehop.cli.command.CredentialProcessJson;
import io.rolehop.cli.env.SafePaths;
import io.rolehop.domain.TemporaryCredentials;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The warm path of {@code rolehop session generate SESSION}, taken before picocli, Guice, the plugin loader or any
 * adapter is touched: read the workspace, find the session by alias or id, and if its cached credentials
 * ({@code <id>} or {@code <id>.handout}, as {@code ChainCredentialsResolver.cachedHandOut} looks them up) stay valid
 * beyond the refresh margin, print them as credential_process JSON.
 *
 * <p>It answers only where the full command would print the very same line; on any miss or doubt (no workspace, an
 * unknown session, a file the full command would report or repair, expired credentials, options it does not know)
 * it answers nothing and the full command runs, with its own behaviour and messages. It writes nothing but that line
 * and never calls STS.
 *
 * <p>Run as a main class ({@code bin/rolehop} does so, on a class path of rolehop's own jars and Jackson's, which
 * starts far faster than rolehop's module path) it tries the {@link LeanGenerate lean path} after a miss (unless
 * {@code ROLEHOP_LEAN=off}), then exits {@value #SERVED} after printing, or {@value #MISS} for the launcher to run the
 * full command.
 */
public final class WarmGenerate {
    /** Exit code of {@link #main} after printing the credentials. */
    public static final int SERVED = 0;
    /** Exit code of {@link #main} when it could not answer; the launcher then runs the full command. */
    public static final int MISS = 75;

    private static final String HANDOUT_SUFFIX = ".handout";

    private WarmGenerate() {}

    /** {@code session generate SESSION}, and nothing else: every other command line is for the full command. */
    public static boolean applies(String[] args) {
        return args.length == 3 && "session".equals(args[0]) && "generate".equals(args[1]) && !args[2].startsWith("-");
    }

    /**
     * Prints the session's cached credentials on standard output if {@code args} is {@code session generate SESSION}
     * and they serve.
     *
     * @return whether it printed; if not, nothing was written anywhere
     */
    public static boolean serve(String[] args, Map<String, String> env, Clock clock) {
        if (!applies(args)) {
            return false;
        }
        Optional<String> line;
        try {
            line = credentialProcessLine(env, args[2], clock.instant());
        } catch (RuntimeException e) {
            // Whatever went wrong, the full command does it again and reports it properly.
            return false;
        }
        return line.isPresent() && print(line.get());
    }

    /**
     * Writes {@code line} to standard output in one write, as the full command's println does, through no buffering
     * of {@code System.out}; whether it was written.
     */
    static boolean print(String line) {
        try {
            @SuppressWarnings("resource") // standard output stays open for the JVM's own use
            FileOutputStream out = new FileOutputStream(FileDescriptor.out);
            out.write(line.concat(System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The credential_process line for {@code session}, if its cached credentials serve at {@code now}. */
    static Optional<String> credentialProcessLine(Map<String, String> env, String session, Instant now) {
        return credentialProcessLine(env, workspace(env), session, now);
    }

    /** The workspace of {@code $ROLEHOP_HOME}, if there is one the store would read. */
    static Optional<WorkspaceReader.Snapshot> workspace(Map<String, String> env) {
        Path home = rolehopHome(env);
        Path workspace = home.resolve("workspace.json");
        // A home or workspace another user could write is the full command's to refuse, with its one line.
        if (SafePaths.problemWithHome(home).isPresent()
                || SafePaths.problemWith(workspace).isPresent()) {
            return Optional.empty();
        }
        Optional<byte[]> file = read(workspace);
        return file.isEmpty() ? Optional.empty() : WorkspaceReader.read(file.get());
    }

    /** As {@link #credentialProcessLine(Map, String, Instant)}, with the workspace already read. */
    static Optional<String> credentialProcessLine(
            Map<String, String> env, Optional<WorkspaceReader.Snapshot> workspace, String session, Instant now) {
        Path home = rolehopHome(env);
        if (workspace.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> id = workspace.get().find(session);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Path cache = home.resolve("cache");
        Duration margin = Duration.ofSeconds(workspace.get().refreshMarginSeconds());
        for (String key : new String[] {id.get(), id.get().concat(HANDOUT_SUFFIX)}) {
            Optional<byte[]> entry = read(cache.resolve(key.concat(".json")));
            if (entry.isEmpty()) {
                continue; // missing or unreadable: a miss for this key, as in the file cache
            }
            Optional<TemporaryCredentials> credentials = CacheEntryReader.read(entry.get());
            if (credentials.isEmpty()) {
                // A corrupt entry: the full command deletes it, then looks further.
                return Optional.empty();
            }
            if (credentials.get().validBeyond(now, margin)) {
                return Optional.of(CredentialProcessJson.of(credentials.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code CliEnvironment.rolehopHome()}: {@code ROLEHOP_HOME} ({@code ~} expanded, made absolute), else
     * {@code ~/.rolehop}, where {@code ~} is {@code HOME}, else the JVM's idea of it. Written out, without the
     * lambdas, for the same reason as {@link WorkspaceReader}; {@code WarmGenerateTest} holds the two together.
     */
    static Path rolehopHome(Map<String, String> env) {
        String homeVariable = env.get("HOME");
        Path home = Path.of(
                homeVariable == null || homeVariable.isEmpty() ? System.getProperty("user.home") : homeVariable);
        String configured = env.get("ROLEHOP_HOME");
        if (configured == null || configured.isEmpty()) {
            return home.resolve(".rolehop");
        }
        if (configured.equals("~")) {
            return home;
        }
        if (configured.startsWith("~/")) {
            return home.resolve(configured.substring(2));
        }
        return Path.of(configured).toAbsolutePath();
    }

    private static Optional<byte[]> read(Path file) {
        if (!Files.isRegularFile(file)) {
            // A FIFO would block the read forever; the full command refuses what is not a regular file.
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Entry point for {@code bin/rolehop}: exits {@value #SERVED} after printing the credentials, {@value #MISS} when
     * the full command must run instead.
     */
    public static void main(String[] args) {
        boolean served = false;
        try {
            if (applies(args)) {
                Map<String, String> env = System.getenv();
                Clock clock = Clock.systemUTC();
                // Read once: on a miss the lean path works from the same checked workspace.
                Optional<WorkspaceReader.Snapshot> workspace = workspace(env);
                Optional<String> line = credentialProcessLine(env, workspace, args[2], clock.instant());
                if (line.isPresent()) {
                    served = print(line.get());
                } else if (workspace.isPresent() && !"off".equals(env.get("ROLEHOP_LEAN"))) {
                    // Loaded only now, so that a warm answer never loads the application ring or an adapter.
                    served = LeanGenerate.serve(args[2], env, clock, workspace.get());
                }
            }
        } catch (Throwable e) { // NOPMD: anything at all means "let the full command do it"
            served = false;
        }
        System.exit(served ? SERVED : MISS);
    }
}
