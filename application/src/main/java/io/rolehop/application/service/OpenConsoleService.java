package io.rolehop.application.service;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.ConsoleOpened;
import io.rolehop.application.port.in.MfaCode;
import io.rolehop.application.port.in.OpenConsoleCommand;
import io.rolehop.application.port.in.OpenConsoleUseCase;
import io.rolehop.application.port.out.BrowserContext;
import io.rolehop.application.port.out.ConsoleSignIn;
import io.rolehop.application.port.out.FederationTokenRequest;
import io.rolehop.application.port.out.FederationTokenService;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.port.out.SignInRequest;
import io.rolehop.application.port.out.WebBrowser;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.application.spi.AccessKeyFields;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.LongTermCredentials;
import io.rolehop.domain.Region;
import io.rolehop.domain.Session;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.domain.Text;
import io.rolehop.domain.Workspace;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** See {@link OpenConsoleUseCase}; the rules are in docs/user-guide/console.md. */
public final class OpenConsoleService implements OpenConsoleUseCase {
    /** How long a console of an IAM user, or of a role assumed directly from one, lasts. */
    static final Duration CONSOLE_DURATION = Duration.ofHours(1);
    /**
     * The federated user's session policy: everything, so that the user's own policies alone decide (a federation
     * token gets what both allow). Without a policy a federation token could do nothing at all.
     */
    static final String PASS_THROUGH_POLICY =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    private static final int MAX_FEDERATED_NAME = 32;

    private final WorkspaceStore store;
    private final AccessMethods methods;
    private final SecretStore secrets;
    private final ChainCredentialsResolver resolver;
    private final FederationTokenService federation;
    private final ConsoleSignIn signIn;
    private final WebBrowser browser;

    public OpenConsoleService(
            WorkspaceStore store,
            AccessMethods methods,
            SecretStore secrets,
            ChainCredentialsResolver resolver,
            FederationTokenService federation,
            ConsoleSignIn signIn,
            WebBrowser browser) {
        this.store = Objects.requireNonNull(store, "store");
        this.methods = Objects.requireNonNull(methods, "methods");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.federation = Objects.requireNonNull(federation, "federation");
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.browser = Objects.requireNonNull(browser, "browser");
    }

    @Override
    public ConsoleOpened open(OpenConsoleCommand command) {
        Workspace workspace = store.load();
        Session session = workspace.get(command.session());
        Region region = command.region().orElse(session.region());
        if (region.partition() != session.region().partition()) {
            throw new UsageException("region " + region + " is in partition "
                    + region.partition().id()
                    + ", but session '" + session.alias() + "' signs in to partition "
                    + session.region().partition().id() + "; give a region of "
                    + session.region().partition().id());
        }
        BrowserContext context = context(workspace, session);
        AccessMethod method = methods.get(session.method());
        Optional<AccessKeyFields> userKeys = session.assumer().isEmpty() ? method.accessKeyFields() : Optional.empty();
        TemporaryCredentials credentials;
        Optional<Duration> duration;
        if (userKeys.isPresent()) {
            // The federation endpoint takes neither long-term keys nor GetSessionToken's tokens.
            credentials = federationToken(workspace, session, userKeys.get(), region, command.mfaCode());
            duration = Optional.empty();
        } else {
            credentials = resolver.handOut(workspace, session, command.mfaCode());
            duration =
                    assumedWithUserKeys(workspace, session, method) ? Optional.of(CONSOLE_DURATION) : Optional.empty();
        }
        URI url = signIn.signInUrl(
                new SignInRequest(credentials, region, duration, command.destination(), command.logoutFirst()));
        if (command.open()) {
            browser.open(url, context, command.browser());
        }
        return new ConsoleOpened(session.alias(), region, url);
    }

    /**
     * A federation token for an IAM user, signed with its long-term keys, which never leave for the federation
     * endpoint. A user with an MFA device proves it first: its MFA session (cached, or asked for with one code) must
     * be valid, so a console never opens without the device where {@code session start} would need it.
     */
    private TemporaryCredentials federationToken(
            Workspace workspace, Session session, AccessKeyFields fields, Region region, Optional<MfaCode> mfaCode) {
        AwsCredentials signing = resolver.signingCredentials(workspace, session, mfaCode);
        LongTermCredentials keys =
                signing instanceof LongTermCredentials longTerm ? longTerm : storedKeys(session, fields);
        return federation.getFederationToken(new FederationTokenRequest(
                keys, region, federatedName(session), PASS_THROUGH_POLICY, CONSOLE_DURATION));
    }

    private LongTermCredentials storedKeys(Session session, AccessKeyFields fields) {
        String id = secrets.get(SecretKeys.field(session.id(), fields.accessKeyId()))
                .orElseThrow(() -> missing(session));
        String secret = secrets.get(SecretKeys.field(session.id(), fields.secretAccessKey()))
                .orElseThrow(() -> missing(session));
        return new LongTermCredentials(id, secret);
    }

    private static OperationFailedException missing(Session session) {
        return new OperationFailedException(
                "the access key of session '" + session.alias() + "' is missing from the secret"
                        + " store; set it again with 'rolehop session edit " + session.alias() + "'");
    }

    /**
     * Whether the session's credentials come from a role assumed directly with an IAM user's keys (or its MFA
     * session token): the one case in which AWS accepts a console session duration. Anything assumed from a role,
     * or whose origin a plugin decides, counts as role chaining.
     */
    private boolean assumedWithUserKeys(Workspace workspace, Session session, AccessMethod method) {
        if (!methods.isBuiltIn(method)) {
            return false;
        }
        return session.assumer()
                .map(workspace::get)
                .filter(assumer -> assumer.assumer().isEmpty())
                .map(assumer -> methods.get(assumer.method()))
                .filter(methods::isBuiltIn)
                .map(assumerMethod -> assumerMethod.accessKeyFields().isPresent())
                .orElse(false);
    }

    private static BrowserContext context(Workspace workspace, Session session) {
        BrowserContext.Kind kind = workspace
                .setting(BrowserContext.SETTING)
                .map(value -> BrowserContext.Kind.parse(value)
                        .orElseThrow(() -> new UsageException(
                                "the workspace setting " + BrowserContext.SETTING + " is '" + Text.printable(value)
                                        + "'; set it with 'rolehop settings set " + BrowserContext.SETTING
                                        + " plain|firefox-container|chromium-profile'")))
                .orElse(BrowserContext.Kind.PLAIN);
        return new BrowserContext(kind, session.id(), session.alias());
    }

    /** The alias as a federated user's name: 2 to 32 of {@code [\w+=,.@-]}. */
    static String federatedName(Session session) {
        String name = session.alias().value().replaceAll("[^\\w+=,.@-]", "-");
        if (name.length() > MAX_FEDERATED_NAME) {
            name = name.substring(0, MAX_FEDERATED_NAME);
        }
        return name.length() < 2 ? name + "-console" : name;
    }
}
