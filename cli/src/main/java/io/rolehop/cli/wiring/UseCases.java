package io.rolehop.cli.wiring;

import io.rolehop.application.port.in.AddSessionUseCase;
import io.rolehop.application.port.in.CheckSetupUseCase;
import io.rolehop.application.port.in.DeleteSessionUseCase;
import io.rolehop.application.port.in.EditSessionUseCase;
import io.rolehop.application.port.in.GenerateCredentialsUseCase;
import io.rolehop.application.port.in.ImportAwsConfigUseCase;
import io.rolehop.application.port.in.ListSessionsUseCase;
import io.rolehop.application.port.in.LogoutSessionUseCase;
import io.rolehop.application.port.in.MigrateSecretsUseCase;
import io.rolehop.application.port.in.OpenConsoleUseCase;
import io.rolehop.application.port.in.ProfilesUseCase;
import io.rolehop.application.port.in.RegionsUseCase;
import io.rolehop.application.port.in.RotateAccessKeyUseCase;
import io.rolehop.application.port.in.RotateSessionsUseCase;
import io.rolehop.application.port.in.ServeCredentialsUseCase;
import io.rolehop.application.port.in.SettingsUseCase;
import io.rolehop.application.port.in.SsoLoginUseCase;
import io.rolehop.application.port.in.SsoLogoutUseCase;
import io.rolehop.application.port.in.SsoSyncUseCase;
import io.rolehop.application.port.in.StartSessionUseCase;
import io.rolehop.application.port.in.StopSessionUseCase;
import io.rolehop.application.port.out.AccessKeyManager;
import io.rolehop.application.port.out.AssumeRoleRequest;
import io.rolehop.application.port.out.AwsCliFiles;
import io.rolehop.application.port.out.AwsCliTokenCache;
import io.rolehop.application.port.out.ConfigFile;
import io.rolehop.application.port.out.ConsoleSignIn;
import io.rolehop.application.port.out.CredentialsCache;
import io.rolehop.application.port.out.CredentialsFile;
import io.rolehop.application.port.out.FederationTokenService;
import io.rolehop.application.port.out.IdentityCenter;
import io.rolehop.application.port.out.KnownRegions;
import io.rolehop.application.port.out.LoginCallback;
import io.rolehop.application.port.out.MfaCodeProvider;
import io.rolehop.application.port.out.Pause;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.port.out.SecretStoreBackends;
import io.rolehop.application.port.out.SecurityTokenService;
import io.rolehop.application.port.out.SessionTokenRequest;
import io.rolehop.application.port.out.WebBrowser;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.application.service.AccessMethods;
import io.rolehop.application.service.AddSessionService;
import io.rolehop.application.service.ChainCredentialsResolver;
import io.rolehop.application.service.CheckSetupService;
import io.rolehop.application.service.DeleteSessionService;
import io.rolehop.application.service.EditSessionService;
import io.rolehop.application.service.GenerateCredentialsService;
import io.rolehop.application.service.IdentityCenterRoles;
import io.rolehop.application.service.ImportAwsConfigService;
import io.rolehop.application.service.ListSessionsService;
import io.rolehop.application.service.LogoutSessionService;
import io.rolehop.application.service.MigrateSecretsService;
import io.rolehop.application.service.OpenConsoleService;
import io.rolehop.application.service.ProfileApplier;
import io.rolehop.application.service.ProfilesService;
import io.rolehop.application.service.RegionsService;
import io.rolehop.application.service.RotateAccessKeyService;
import io.rolehop.application.service.RotateSessionsService;
import io.rolehop.application.service.ServeCredentialsService;
import io.rolehop.application.service.SettingsService;
import io.rolehop.application.service.SsoLoginService;
import io.rolehop.application.service.SsoLogoutService;
import io.rolehop.application.service.SsoSyncService;
import io.rolehop.application.service.SsoTokens;
import io.rolehop.application.service.StartSessionService;
import io.rolehop.application.service.StopSessionService;
import io.rolehop.domain.TemporaryCredentials;
import java.time.Clock;

/**
 * The application's one composition: every use case built with {@code new} from the outgoing ports. Guice's
 * {@link UseCaseModule} hands it the ports it binds; the lean path of {@code session generate} hands it the few it
 * builds by hand. Either way the services are wired here and nowhere else (see docs/architecture.md).
 *
 * <p>A port is asked for only when a use case that needs it is built, so a command that lists sessions never builds
 * an STS client. The chain resolver and the profile applier are built once per instance and shared by every use case
 * that needs them.
 */
public final class UseCases {

    /**
     * The outgoing ports, asked for on demand. A caller that serves only some use cases may throw from the ports
     * those never need.
     */
    public interface Ports {
        WorkspaceStore workspaceStore();

        AccessMethods accessMethods();

        SecurityTokenService securityTokenService();

        SecretStore secretStore();

        SecretStoreBackends secretStoreBackends();

        CredentialsCache credentialsCache();

        MfaCodeProvider mfaCodeProvider();

        CredentialsFile credentialsFile();

        ConfigFile configFile();

        AccessKeyManager accessKeyManager();

        Pause pause();

        Clock clock();

        /** The command written into {@code credential_process} lines, asked for as each line is written. */
        String launcherCommand();

        KnownRegions knownRegions();

        /** STS {@code GetFederationToken}, for the console of an IAM user; only the console needs it. */
        default FederationTokenService federationTokenService() {
            throw new UnsupportedOperationException("no federation token service here");
        }

        /** The federation endpoint; only the console needs it. */
        default ConsoleSignIn consoleSignIn() {
            throw new UnsupportedOperationException("no console sign-in here");
        }

        /** The web browser; only the console and the IAM Identity Center login need it. */
        default WebBrowser webBrowser() {
            throw new UnsupportedOperationException("no browser here");
        }

        /** IAM Identity Center; only the SSO use cases and {@code aws-sso} sessions ask for it. */
        default IdentityCenter identityCenter() {
            throw new UnsupportedOperationException("IAM Identity Center is not wired here");
        }

        /** The loopback listener at the end of a browser login. */
        default LoginCallback loginCallback() {
            throw new UnsupportedOperationException("no login callback here");
        }

        /** The AWS CLI's IAM Identity Center token cache. */
        default AwsCliTokenCache awsCliTokenCache() {
            throw new UnsupportedOperationException("no AWS CLI token cache here");
        }
    }

    private final Ports ports;
    private ChainCredentialsResolver resolver;
    private ProfileApplier applier;
    private SsoTokens ssoTokens;

    public UseCases(Ports ports) {
        this.ports = ports;
    }

    /**
     * The STS port, built on the first call: the resolver is shared by use cases that may call STS and by some that
     * never do ({@code profile list}), and building the SDK's client costs a short-lived JVM some hundred
     * milliseconds (see docs/performance.md, "Start-up of every command").
     */
    private static final class FirstUseSts implements SecurityTokenService {
        private final Ports ports;
        private SecurityTokenService sts;

        FirstUseSts(Ports ports) {
            this.ports = ports;
        }

        private synchronized SecurityTokenService sts() {
            if (sts == null) {
                sts = ports.securityTokenService();
            }
            return sts;
        }

        @Override
        public TemporaryCredentials assumeRole(AssumeRoleRequest request) {
            return sts().assumeRole(request);
        }

        @Override
        public TemporaryCredentials getSessionToken(SessionTokenRequest request) {
            return sts().getSessionToken(request);
        }
    }

    public synchronized ChainCredentialsResolver resolver() {
        if (resolver == null) {
            resolver = new ChainCredentialsResolver(
                    ports.accessMethods(),
                    new FirstUseSts(ports),
                    ports.secretStore(),
                    ports.credentialsCache(),
                    ports.mfaCodeProvider(),
                    ports.clock(),
                    () -> new IdentityCenterRoles(ssoTokens(), ports.identityCenter(), ports.pause()));
        }
        return resolver;
    }

    public synchronized ProfileApplier applier() {
        if (applier == null) {
            applier = new ProfileApplier(ports.credentialsFile(), ports.configFile(), ports::launcherCommand);
        }
        return applier;
    }

    public GenerateCredentialsUseCase generate() {
        return new GenerateCredentialsService(ports.workspaceStore(), resolver());
    }

    public StartSessionUseCase start() {
        return new StartSessionService(ports.workspaceStore(), resolver(), applier());
    }

    public StopSessionUseCase stop() {
        return new StopSessionService(ports.workspaceStore(), applier());
    }

    public ListSessionsUseCase list() {
        return new ListSessionsService(ports.workspaceStore(), ports.accessMethods());
    }

    public AddSessionUseCase add() {
        return new AddSessionService(ports.workspaceStore(), ports.accessMethods(), ports.secretStore());
    }

    public EditSessionUseCase edit() {
        return new EditSessionService(
                ports.workspaceStore(), ports.accessMethods(), ports.secretStore(), resolver(), applier());
    }

    public DeleteSessionUseCase delete() {
        return new DeleteSessionService(ports.workspaceStore(), applier(), resolver(), ports.secretStore());
    }

    public LogoutSessionUseCase logout() {
        return new LogoutSessionService(ports.workspaceStore(), resolver());
    }

    public RotateSessionsUseCase rotateSessions() {
        return new RotateSessionsService(ports.workspaceStore(), resolver(), applier(), ports.clock());
    }

    public RotateAccessKeyUseCase rotateAccessKey() {
        return new RotateAccessKeyService(
                ports.workspaceStore(),
                ports.accessMethods(),
                ports.secretStore(),
                resolver(),
                ports.accessKeyManager(),
                ports.pause(),
                ports.clock());
    }

    public SettingsUseCase settings() {
        return new SettingsService(ports.workspaceStore());
    }

    public MigrateSecretsUseCase migrateSecrets() {
        return new MigrateSecretsService(ports.workspaceStore(), ports.secretStore(), ports.secretStoreBackends());
    }

    public ProfilesUseCase profiles() {
        return new ProfilesService(ports.workspaceStore(), resolver(), applier());
    }

    public RegionsUseCase regions() {
        return new RegionsService(ports.workspaceStore(), ports.knownRegions());
    }

    /** A new instance per server: its requests share one resolution at a time. */
    public ServeCredentialsUseCase serve() {
        return new ServeCredentialsService(ports.workspaceStore(), resolver());
    }

    /** The import of the AWS CLI's profiles, reading them through {@code files}. */
    public ImportAwsConfigUseCase importAwsConfig(AwsCliFiles files) {
        return new ImportAwsConfigService(
                ports.workspaceStore(),
                ports.accessMethods(),
                ports.secretStore(),
                files,
                ports.configFile(),
                applier(),
                this::resolver);
    }

    /** Import from Leapp, reading the foreign setup through the ports given. */
    public io.rolehop.application.port.in.ImportLeappUseCase importLeapp(
            io.rolehop.application.port.out.LeappWorkspaceReader reader,
            io.rolehop.application.port.out.LeappKeychain keychain) {
        return new io.rolehop.application.service.ImportLeappService(
                ports.workspaceStore(), ports.accessMethods(), ports.secretStore(), reader, keychain);
    }

    public OpenConsoleUseCase openConsole() {
        return new OpenConsoleService(
                ports.workspaceStore(),
                ports.accessMethods(),
                ports.secretStore(),
                resolver(),
                ports.federationTokenService(),
                ports.consoleSignIn(),
                ports.webBrowser());
    }

    public CheckSetupUseCase checkSetup() {
        return new CheckSetupService(ports.workspaceStore(), ports.credentialsFile(), ports.configFile(), applier());
    }

    /** The IAM Identity Center login of each start URL, shared by the SSO use cases and the chain resolver. */
    public synchronized SsoTokens ssoTokens() {
        if (ssoTokens == null) {
            ssoTokens = new SsoTokens(
                    ports.secretStore(),
                    ports.identityCenter(),
                    ports.clock(),
                    ports.awsCliTokenCache(),
                    () -> ports.workspaceStore()
                            .load()
                            .setting(SsoTokens.AWS_CLI_CACHE_SETTING)
                            .orElse("read"));
        }
        return ssoTokens;
    }

    public SsoLoginUseCase ssoLogin() {
        return new SsoLoginService(
                ssoTokens(),
                ports.identityCenter(),
                ports.webBrowser(),
                ports.loginCallback(),
                ports.pause(),
                ports.clock(),
                SSO_CALLBACK_TIMEOUT);
    }

    public SsoLogoutUseCase ssoLogout() {
        return new SsoLogoutService(ports.workspaceStore(), ssoTokens(), ports.identityCenter(), resolver());
    }

    public SsoSyncUseCase ssoSync() {
        return new SsoSyncService(
                ports.workspaceStore(), ssoTokens(), ports.identityCenter(), ports.pause(), add(), delete());
    }

    /** How long a browser login waits for the browser's answer. */
    static final java.time.Duration SSO_CALLBACK_TIMEOUT = java.time.Duration.ofMinutes(5);
}
