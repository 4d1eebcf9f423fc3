package io.rolehop.cli.fast;

import io.rolehop.adapters.aws.QuerySecurityTokenService;
import io.rolehop.adapters.filesystem.FileCredentialsCache;
import io.rolehop.application.port.out.MfaCodeProvider;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.application.service.AccessMethods;
import io.rolehop.application.service.ChainCredentialsResolver;
import io.rolehop.application.service.GenerateCredentialsService;
import io.rolehop.cli.command.CredentialProcessJson;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.plugin.AccessMethodLoader;
import io.rolehop.cli.wiring.SecretStores;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.domain.Workspace;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The lean path of {@code rolehop session generate SESSION}, taken in the warm path's JVM when the cached
 * credentials do not serve: the real use case ({@link GenerateCredentialsService} over
 * {@link ChainCredentialsResolver}) wired by hand, without picocli, Guice, the plugin directories or the AWS SDK,
 * with STS reached through {@link QuerySecurityTokenService}. It refreshes exactly the hops the full command would,
 * caches them the same way, and prints the same line.
 *
 * <p>It takes only the plain case and hands everything else to the full command, which then starts from whatever
 * this path cached: a session whose chain uses a plugin's method, an MFA code to ask for, a vault passphrase not in
 * {@code ROLEHOP_VAULT_PASSPHRASE}, any STS failure (one attempt here; the full command retries and reports), any
 * file the full command would report. It prints nothing but the credentials line, on stdout, and nothing at all
 * when it hands over.
 */
public final class LeanGenerate {
    /** One attempt, bounded so that a silent endpoint soon hands over to the full command and its retries. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private static final MfaCodeProvider NO_MFA_HERE = (alias, device, command) -> Optional.empty();

    private LeanGenerate() {}

    /**
     * The workspace as the warm path's reader checked it, read once: {@code session generate} only reads the
     * workspace, and Jackson's object mapper would cost this short-lived JVM more than the rest of the reading.
     * A file the reader refuses (one the store would refuse, or report) goes to the full command.
     */
    private static final class SnapshotStore implements WorkspaceStore {
        private final Path location;
        private Workspace workspace;

        SnapshotStore(Path location) {
            this.location = location;
        }

        @Override
        public synchronized Workspace load() {
            if (workspace == null) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(location);
                } catch (IOException e) {
                    throw new IllegalStateException("no workspace to read here", e);
                }
                workspace = WorkspaceReader.read(bytes).orElseThrow(
                        () -> new IllegalStateException("a workspace for the full command to report")).workspace();
            }
            return workspace;
        }

        @Override
        public <T> T update(Function<Workspace, T> change) {
            throw new UnsupportedOperationException("the lean path never writes the workspace");
        }

        @Override
        public Path location() {
            return location;
        }
    }

    /**
     * Prints the session's credentials, refreshed through its chain where needed, if {@code args} is
     * {@code session generate SESSION} and the plain case holds.
     *
     * @return whether it printed; if not, nothing was printed, and only still-valid hop credentials were cached
     */
    public static boolean serve(String[] args, Map<String, String> env, Clock clock) {
        if (!WarmGenerate.applies(args)) {
            return false;
        }
        String line;
        try {
            line = CredentialProcessJson.of(generate(env, args[2], clock));
        } catch (RuntimeException | LinkageError e) {
            // The full command does it again, from what was cached here, and reports it properly.
            return false;
        }
        try {
            @SuppressWarnings("resource") // standard output stays open for the JVM's own use
            FileOutputStream out = new FileOutputStream(FileDescriptor.out);
            out.write(line.concat(System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static TemporaryCredentials generate(Map<String, String> env, String session, Clock clock) {
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        CliEnvironment cli = new CliEnvironment(env, InputStream.nullInputStream(), silent, silent, clock,
                Optional.empty(), Optional.empty(), Optional.empty());
        WorkspaceStore store = new SnapshotStore(cli.rolehopHome().resolve("workspace.json"));
        // Built-in methods only: a session of a plugin's method is not found here, and goes to the full command.
        AccessMethods methods = new AccessMethods(new AccessMethodLoader(List.of(), warning -> { }).load().stream()
                .map(AccessMethodLoader.Found::method).toList());
        QuerySecurityTokenService sts = new QuerySecurityTokenService(env, CONNECT_TIMEOUT, READ_TIMEOUT, 1, clock);
        ChainCredentialsResolver resolver = new ChainCredentialsResolver(methods, sts,
                new SecretStores(cli, store).lazy(), new FileCredentialsCache(cli.rolehopHome().resolve("cache")),
                NO_MFA_HERE, clock);
        return new GenerateCredentialsService(store, resolver).generate(session);
    }
}
