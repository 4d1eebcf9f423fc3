package io.rolehop.application.service;

import io.rolehop.application.InteractionRequiredException;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.MfaCode;
import io.rolehop.application.port.out.CredentialsCache;
import io.rolehop.application.port.out.MfaCodeProvider;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.port.out.SecurityTokenService;
import io.rolehop.application.port.out.SessionTokenRequest;
import io.rolehop.application.port.out.StsException;
import io.rolehop.application.spi.AccessKeyFields;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.CredentialsContext;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.LongTermCredentials;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionId;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.domain.Workspace;
import io.rolehop.domain.WorkspaceRuleException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a session's credentials through its chain, root first, reusing each hop's cached credentials while they
 * stay valid beyond the refresh margin and asking the access method (and so STS) only for the hops where they do not.
 *
 * <p>Each hop's temporary credentials are cached in the {@link CredentialsCache}, except those of a session whose
 * method declares {@link AccessMethod#cacheInSecretStore()} (an IAM user's MFA session token): they are kept in the
 * {@link SecretStore} instead, so the one token that opens a whole chain without the MFA device never sits in a
 * plain file. The hops below such a session stay in the plain cache, which keeps a warm chain free of secret-store
 * reads. Nothing is cached from a call that failed (a rejected MFA code caches nothing).
 *
 * <p>This class is the resolution and its invalidation; {@link CredentialsPlacement} decides where credentials are
 * cached, {@link PluginAnswers} guards every call into a (possibly third-party) method, and {@link ChainDerivation}
 * compares a chain across two versions of the workspace.
 */
public final class ChainCredentialsResolver {
    /** See {@link #assumerMargin}. */
    static final Duration ASSUMER_MARGIN = Duration.ofMinutes(1);

    static final Duration HANDOUT_DURATION = Duration.ofHours(1);

    private final AccessMethods methods;
    private final SecurityTokenService sts;
    private final SecretStore secrets;
    private final CredentialsPlacement placement;
    private final MfaCodeProvider mfa;
    private final Clock clock;
    private final java.util.function.Supplier<io.rolehop.application.spi.IdentityCenterAccess> identityCenter;

    public ChainCredentialsResolver(
            AccessMethods methods,
            SecurityTokenService sts,
            SecretStore secrets,
            CredentialsCache cache,
            MfaCodeProvider mfa,
            Clock clock) {
        this(methods, sts, secrets, cache, mfa, clock, () -> {
            throw new UnsupportedOperationException("no IAM Identity Center here");
        });
    }

    /** With IAM Identity Center, built on first use by a session that needs it. */
    public ChainCredentialsResolver(
            AccessMethods methods,
            SecurityTokenService sts,
            SecretStore secrets,
            CredentialsCache cache,
            MfaCodeProvider mfa,
            Clock clock,
            java.util.function.Supplier<io.rolehop.application.spi.IdentityCenterAccess> identityCenter) {
        this.identityCenter = Objects.requireNonNull(identityCenter, "identityCenter");
        this.methods = Objects.requireNonNull(methods, "methods");
        this.sts = Objects.requireNonNull(sts, "sts");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.placement = new CredentialsPlacement(methods, secrets, cache, clock);
        this.mfa = Objects.requireNonNull(mfa, "mfa");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The temporary credentials to hand to tools for {@code session}, from cache when they still serve. */
    public TemporaryCredentials handOut(Workspace workspace, Session session) {
        return handOut(workspace, session, Optional.empty());
    }

    /**
     * Like {@link #handOut(Workspace, Session)}, with a code the user gave for the first MFA device of the chain
     * that needs one.
     */
    public TemporaryCredentials handOut(Workspace workspace, Session session, Optional<MfaCode> given) {
        Optional<TemporaryCredentials> cached = cachedHandOut(workspace, session);
        if (cached.isPresent()) {
            return cached.get();
        }
        AwsCredentials credentials = resolve(workspace, session, new Resolution(given), workspace.refreshMargin());
        if (credentials instanceof TemporaryCredentials temporary) {
            return temporary;
        }
        // Long-term keys are never handed to tools: exchange them for a session token.
        return sessionToken(workspace, session, (LongTermCredentials) credentials);
    }

    /** A one-hour session token for {@code session}'s long-term keys, cached as what is handed out for it. */
    private TemporaryCredentials sessionToken(Workspace workspace, Session session, LongTermCredentials keys) {
        TemporaryCredentials token;
        try {
            token = sts.getSessionToken(
                    new SessionTokenRequest(keys, session.region(), HANDOUT_DURATION, Optional.empty()));
        } catch (StsException e) {
            throw ChainFailure.of(
                    e,
                    workspace,
                    session,
                    session,
                    methods.get(session.method()).accessKeyFields());
        }
        placement.keepHandOutToken(session.id(), token);
        return token;
    }

    /**
     * The credentials {@code session} signs its own calls with, as when it assumes the next hop of a chain: an IAM
     * user's long-term keys, or its MFA session token (from the secret store while it lasts another minute, else
     * obtained with one MFA code and cached). Never handed to a tool.
     */
    public AwsCredentials signingCredentials(Workspace workspace, Session session, Optional<MfaCode> given) {
        return resolve(workspace, session, new Resolution(given), assumerMargin(workspace));
    }

    /** The credentials last handed out for {@code session}, if they are cached and still serve. */
    public Optional<TemporaryCredentials> cachedHandOut(Workspace workspace, Session session) {
        return placement.handedOut(session, workspace.refreshMargin());
    }

    /**
     * After resolving {@code session} in {@code before} without the workspace lock: makes sure nothing that
     * resolution cached is served for {@code now}, the workspace read under the lock, if any hop of the session's
     * chain is obtained differently there (an edit ran in between; its own forgetting may have come before this
     * resolution's caching). A session gone from either workspace counts as changed.
     */
    public void forgetIfChangedSince(Workspace before, Workspace now, SessionId session) {
        if (now.find(session).isPresent() && !derivedAlike(before, now, session)) {
            now.chainOf(session).hops().forEach(hop -> forget(hop.id()));
        }
    }

    /** See {@link ChainDerivation#alike}. */
    public static boolean derivedAlike(Workspace before, Workspace now, SessionId session) {
        return ChainDerivation.alike(before, now, session);
    }

    /** Forgets the plain-cache credentials of {@code session} (not those its method keeps in the secret store). */
    public void forget(SessionId session) {
        placement.forget(session);
    }

    /**
     * Forgets every cached credential of {@code session} and of every session assumed from it, at any depth: the
     * plain cache, the secret store for sessions whose method caches there (an MFA session token), and the secrets
     * their methods kept ({@link CredentialsContext#putSecret}).
     *
     * @return the sessions whose credentials were forgotten, {@code session} first
     */
    public List<Session> forgetWithDependents(Workspace workspace, SessionId session) {
        List<Session> forgotten = new ArrayList<>();
        forgotten.add(workspace.get(session));
        forgotten.addAll(workspace.dependents(session));
        forgotten.forEach(placement::forgetEverything);
        return forgotten;
    }

    /**
     * The session's credentials, from cache while they stay valid beyond {@code margin}: the refresh margin for what
     * is handed out, {@link #assumerMargin} for an assumer's credentials, which only sign the next hop's call.
     */
    private AwsCredentials resolve(Workspace workspace, Session session, Resolution resolution, Duration margin) {
        if (!resolution.visiting.add(session.id())) {
            throw new WorkspaceRuleException("the assumer chain of '" + session.alias() + "' has a cycle");
        }
        Optional<TemporaryCredentials> cached = placement.inCache(session.id(), margin);
        if (cached.isPresent()) {
            return cached.get();
        }
        AccessMethod method = methods.get(session.method());
        boolean inSecretStore = PluginAnswers.cachesInSecretStore(method);
        if (inSecretStore) {
            Optional<TemporaryCredentials> kept = placement.inSecretStore(session.id(), margin);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        Context context = new Context(workspace, session, method, resolution);
        AwsCredentials credentials;
        try {
            credentials = PluginAnswers.credentials(method, context, session);
        } catch (StsException e) {
            Session target = workspace.get(resolution.visiting.iterator().next());
            throw ChainFailure.of(e, workspace, target, context.signer, context.signerKeys);
        }
        if (credentials instanceof TemporaryCredentials temporary) {
            placement.keep(session.id(), inSecretStore, temporary);
        }
        return credentials;
    }

    /**
     * How long an assumer's cached credentials must still last to sign the next hop's call: a minute (the call, its
     * retries, clock skew), or the refresh margin if that is shorter. A role session lasts as long as it was asked
     * to, whenever its caller's credentials expire, so an assumer (an MFA session token above all: each renewal
     * costs a code) is renewed only when it can no longer sign, not a refresh margin before.
     */
    static Duration assumerMargin(Workspace workspace) {
        return workspace.refreshMargin().compareTo(ASSUMER_MARGIN) < 0 ? workspace.refreshMargin() : ASSUMER_MARGIN;
    }

    /**
     * One resolution of a chain: the sessions on the way (a second visit is a cycle) and the code the user gave, which
     * serves the first device that asks.
     */
    private static final class Resolution {
        final Set<SessionId> visiting = new LinkedHashSet<>();
        private Optional<MfaCode> given;

        Resolution(Optional<MfaCode> given) {
            this.given = Objects.requireNonNull(given, "given");
        }

        Optional<MfaCode> takeGivenCode() {
            Optional<MfaCode> code = given;
            given = Optional.empty();
            return code;
        }
    }

    private final class Context implements CredentialsContext {
        private final Workspace workspace;
        private final Session session;
        private final AccessMethod method;
        private final Resolution resolution;
        /** Whose credentials sign the method's calls: its own, until it asks for its assumer's. */
        private Session signer;
        /** The signer's key fields while its credentials are its long-term keys. */
        private Optional<AccessKeyFields> signerKeys;

        Context(Workspace workspace, Session session, AccessMethod method, Resolution resolution) {
            this.workspace = workspace;
            this.session = session;
            this.method = method;
            this.resolution = resolution;
            this.signer = session;
            this.signerKeys = method.accessKeyFields();
        }

        @Override
        public Session session() {
            return session;
        }

        @Override
        public Optional<String> field(String name) {
            return FieldSpec.isStoredAsSecret(method.fields(), name)
                    ? secrets.get(SecretKeys.field(session.id(), name))
                    : session.attribute(name);
        }

        @Override
        public AwsCredentials assumerCredentials() {
            SessionId assumer = session.assumer()
                    .orElseThrow(() -> new UsageException(
                            "session '" + session.alias() + "' has no assumer; set one with 'rolehop session edit "
                                    + session.alias() + " --assumer ALIAS'"));
            Session assumerSession = workspace.get(assumer);
            Duration margin = assumerMargin(workspace);
            AwsCredentials credentials = resolve(workspace, assumerSession, resolution, margin);
            signer = assumerSession;
            signerKeys = credentials instanceof LongTermCredentials
                    ? methods.get(assumerSession.method()).accessKeyFields()
                    : Optional.empty();
            if (credentials instanceof LongTermCredentials keys && !methods.isBuiltIn(method)) {
                // A plugin's method never holds an IAM user's long-term keys: it gets a session token of the
                // user's (an MFA session token already is one, and is passed as it is).
                return placement
                        .handOutToken(assumer, margin)
                        .orElseGet(() -> sessionToken(workspace, assumerSession, keys));
            }
            return credentials;
        }

        @Override
        public SecurityTokenService sts() {
            return sts;
        }

        @Override
        public String mfaCode(String deviceSerial) {
            return resolution
                    .takeGivenCode()
                    .map(MfaCode::value)
                    .or(() -> mfa.code(session.alias().value(), deviceSerial, session.attribute("mfa-command")))
                    .orElseThrow(
                            () -> new InteractionRequiredException(
                                    "session '" + session.alias()
                                            + "' needs an MFA code for " + deviceSerial
                                            + " and there is no terminal to ask on;"
                                            + " pass --mfa-code CODE, or give the session an mfa-command or set ROLEHOP_MFA_COMMAND: a command that prints one"));
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public Duration refreshMargin() {
            return workspace.refreshMargin();
        }

        @Override
        public io.rolehop.application.spi.IdentityCenterAccess identityCenter() {
            return identityCenter.get();
        }

        @Override
        public Optional<String> secret(String name) {
            return secrets.get(SecretKeys.methodSecret(session.id(), name));
        }

        @Override
        public void putSecret(String name, String value) {
            if (!PluginAnswers.keepsSecrets(method)) {
                throw new IllegalStateException(
                        "access method '" + method.id() + "' keeps a secret without declaring" + " keepsSecrets()");
            }
            secrets.put(SecretKeys.methodSecret(session.id(), name), Objects.requireNonNull(value, "value"));
        }

        @Override
        public boolean deleteSecret(String name) {
            return secrets.delete(SecretKeys.methodSecret(session.id(), name));
        }
    }
}
