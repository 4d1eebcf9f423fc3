package io.rolehop.cli.fast;

import io.rolehop.adapters.aws.QuerySecurityTokenService;
import io.rolehop.adapters.filesystem.FileCredentialsCache;
import io.rolehop.application.port.out.AccessKeyManager;
import io.rolehop.application.port.out.ConfigFile;
import io.rolehop.application.port.out.CredentialsCache;
import io.rolehop.application.port.out.CredentialsFile;
import io.rolehop.application.port.out.MfaCodeProvider;
import io.rolehop.application.port.out.Pause;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.port.out.SecretStoreBackends;
import io.rolehop.application.port.out.SecurityTokenService;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.application.service.AccessMethods;
import io.rolehop.application.service.ChainCredentialsResolver;
import io.rolehop.cli.command.CredentialProcessJson;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.plugin.AccessMethodLoader;
import io.rolehop.cli.wiring.SecretStores;
import io.rolehop.cli.wiring.UseCases;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.domain.Workspace;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The lean path of {@code rolehop session generate SESSION}, taken in the warm path's JVM when the cached
 * credentials do not serve: the real use case ({@code GenerateCredentialsService} over
 * {@link ChainCredentialsResolver}), composed by {@link UseCases} as the full command composes it, from ports built
 * by hand, without picocli, Guice, the plugin directories or the AWS SDK,
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
     * The workspace as the warm path's reader read and checked it: {@code session generate} only reads the
     * workspace, and Jackson's object mapper would cost this short-lived JVM more than the rest of the reading.
     */
    private static final class SnapshotStore implements WorkspaceStore {
        private final Path location;
        private final WorkspaceReader.Snapshot snapshot;
        private Workspace workspace;

        SnapshotStore(Path location, WorkspaceReader.Snapshot snapshot) {
            this.location = location;
            this.snapshot = snapshot;
        }

        @Override
        public synchronized Workspace load() {
            if (workspace == null) {
                workspace = snapshot.workspace();
            }
            return workspace;
        }

        /** The lean path only reads: {@code session generate} changes nothing in the workspace. */
        @Override
        public <T> T update(Function<Workspace, T> change) {
            throw new IllegalStateException("the lean path of session generate does not write the workspace");
        }

        @Override
        public Path location() {
            return location;
        }
    }

    /**
     * Prints the credentials of {@code session}, refreshed through its chain where needed, if the plain case holds;
     * {@code workspace} is the workspace the warm path read.
     *
     * @return whether it printed; if not, nothing was printed, and only still-valid hop credentials were cached
     */
    static boolean serve(String session, Map<String, String> env, Clock clock, WorkspaceReader.Snapshot workspace) {
        String line;
        try {
            line = CredentialProcessJson.of(generate(env, session, clock, workspace));
        } catch (RuntimeException | LinkageError e) {
            // The full command does it again, from what was cached here, and reports it properly.
            return false;
        }
        return WarmGenerate.print(line);
    }

    static TemporaryCredentials generate(
            Map<String, String> env, String session, Clock clock, WorkspaceReader.Snapshot snapshot) {
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        CliEnvironment cli = new CliEnvironment(
                env,
                InputStream.nullInputStream(),
                silent,
                silent,
                clock,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        WorkspaceStore store = new SnapshotStore(cli.rolehopHome().resolve("workspace.json"), snapshot);
        return new UseCases(new LeanPorts(cli, store, clock)).generate().generate(session);
    }

    /**
     * The ports {@code session generate} needs, built by hand; the others belong to commands this path never runs.
     */
    private static final class LeanPorts implements UseCases.Ports {
        private final CliEnvironment cli;
        private final WorkspaceStore store;
        private final Clock clock;

        LeanPorts(CliEnvironment cli, WorkspaceStore store, Clock clock) {
            this.cli = cli;
            this.store = store;
            this.clock = clock;
        }

        @Override
        public WorkspaceStore workspaceStore() {
            return store;
        }

        /** Built-in methods only: a session of a plugin's method is not found here, and goes to the full command. */
        @Override
        public AccessMethods accessMethods() {
            return new AccessMethods(new AccessMethodLoader(warning -> {})
                    .load().stream().map(AccessMethodLoader.Found::method).toList());
        }

        @Override
        public SecurityTokenService securityTokenService() {
            return new QuerySecurityTokenService(cli.env(), CONNECT_TIMEOUT, READ_TIMEOUT, 1, clock);
        }

        @Override
        public SecretStore secretStore() {
            return new SecretStores(cli, store).lazy();
        }

        @Override
        public CredentialsCache credentialsCache() {
            return new FileCredentialsCache(cli.rolehopHome().resolve("cache"));
        }

        @Override
        public MfaCodeProvider mfaCodeProvider() {
            return NO_MFA_HERE;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public SecretStoreBackends secretStoreBackends() {
            throw notHere();
        }

        @Override
        public CredentialsFile credentialsFile() {
            throw notHere();
        }

        @Override
        public ConfigFile configFile() {
            throw notHere();
        }

        @Override
        public AccessKeyManager accessKeyManager() {
            throw notHere();
        }

        @Override
        public Pause pause() {
            throw notHere();
        }

        @Override
        public String launcherCommand() {
            throw notHere();
        }

        @Override
        public io.rolehop.application.port.out.KnownRegions knownRegions() {
            throw notHere();
        }

        /**
         * No IAM Identity Center client here (it is the SDK's): a cold {@code aws-sso} hop hands the session over to
         * the full command before any call; its cached credentials are served by the warm path before this one.
         */
        @Override
        public io.rolehop.application.port.out.IdentityCenter identityCenter() {
            throw notHere();
        }

        private static IllegalStateException notHere() {
            return new IllegalStateException("the lean path serves session generate alone");
        }
    }
}
