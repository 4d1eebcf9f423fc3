package io.rolehop.application.service;

import io.rolehop.application.fakes.FakeSecurityTokenService;
import io.rolehop.application.fakes.InMemoryConfigFile;
import io.rolehop.application.fakes.InMemoryCredentialsCache;
import io.rolehop.application.fakes.InMemoryCredentialsFile;
import io.rolehop.application.fakes.InMemorySecretStore;
import io.rolehop.application.fakes.InMemoryWorkspaceStore;
import io.rolehop.application.fakes.MutableClock;
import io.rolehop.application.fakes.ScriptedMfaCodeProvider;
import io.rolehop.application.port.in.AddSessionCommand;
import io.rolehop.application.port.in.StartResult;
import io.rolehop.application.port.in.StartSessionCommand;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Session;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.domain.Workspace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every service of the application wired to the in-memory fakes, with helpers to build chains. */
final class Fixture {
    static final Instant START = Instant.parse("2030-01-01T08:00:00Z");
    static final String ACCOUNT = "123456789012";
    static final String USER_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String USER_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    final MutableClock clock = new MutableClock(START);
    final InMemoryWorkspaceStore store = new InMemoryWorkspaceStore();
    final InMemorySecretStore secrets = new InMemorySecretStore();
    final InMemoryCredentialsCache cache = new InMemoryCredentialsCache();
    final FakeSecurityTokenService sts = new FakeSecurityTokenService(clock);
    final InMemoryCredentialsFile credentialsFile = new InMemoryCredentialsFile();
    final InMemoryConfigFile configFile = new InMemoryConfigFile();
    final ScriptedMfaCodeProvider mfa = new ScriptedMfaCodeProvider();
    final AccessMethods methods;
    final ChainCredentialsResolver resolver;
    final ProfileApplier applier = new ProfileApplier(credentialsFile, configFile);

    final AddSessionService add;
    final StartSessionService start;
    final StopSessionService stop;
    final DeleteSessionService delete;
    final EditSessionService edit;
    final GenerateCredentialsService generate;
    final ListSessionsService list;
    final ProfilesService profiles;
    final RegionsService regions;

    Fixture(AccessMethod... extraMethods) {
        this(List.of(extraMethods), List.of());
    }

    /** With {@code plugins} loaded as a plugin's methods, not as rolehop's own. */
    Fixture(List<AccessMethod> extraMethods, List<AccessMethod> plugins) {
        List<AccessMethod> all = new ArrayList<>(List.of(new TestUserMethod(), new TestChainedMethod()));
        all.addAll(extraMethods);
        methods = new AccessMethods(all, plugins);
        resolver = new ChainCredentialsResolver(methods, sts, secrets, cache, mfa, clock);
        add = new AddSessionService(store, methods, secrets);
        start = new StartSessionService(store, resolver, applier);
        stop = new StopSessionService(store, applier);
        delete = new DeleteSessionService(store, applier, resolver, secrets);
        edit = new EditSessionService(store, methods, secrets, resolver, applier);
        generate = new GenerateCredentialsService(store, resolver);
        list = new ListSessionsService(store, methods);
        profiles = new ProfilesService(store, resolver, applier);
        regions = new RegionsService(
                store,
                () -> java.util.stream.Stream.of("cn-north-1", "eu-west-1", "eu-west-2", "us-east-1", "us-gov-west-1")
                        .map(io.rolehop.domain.Region::of)
                        .toList());
    }

    static String roleArn(String roleName) {
        return "arn:aws:iam::" + ACCOUNT + ":role/" + roleName;
    }

    /** The identity the fake STS gives credentials of role {@code roleName} assumed by session {@code alias}. */
    static String roleIdentity(String roleName, String alias) {
        return roleArn(roleName) + "/rolehop-" + alias;
    }

    static String userIdentity() {
        return "long-term:" + USER_KEY_ID;
    }

    Session addUser(String alias) {
        return addUser(alias, NamedProfile.of(alias));
    }

    Session addUser(String alias, NamedProfile profile) {
        return add.add(new AddSessionCommand(
                AccessMethodId.of(TestUserMethod.ID),
                Alias.of(alias),
                Optional.of(profile),
                Optional.empty(),
                Optional.empty(),
                Map.of("access-key-id", USER_KEY_ID, "secret-access-key", USER_SECRET)));
    }

    /** A chained session on the profile named like its alias, assuming the role named like its alias. */
    Session addRole(String alias, String assumer) {
        return addRole(alias, assumer, NamedProfile.of(alias), Map.of());
    }

    Session addRole(String alias, String assumer, NamedProfile profile, Map<String, String> extraFields) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("role-arn", roleArn(alias));
        fields.putAll(extraFields);
        return add.add(new AddSessionCommand(
                AccessMethodId.of(TestChainedMethod.ID),
                Alias.of(alias),
                Optional.of(profile),
                Optional.empty(),
                Optional.of(assumer),
                fields));
    }

    /** user → r1 → r2 → r3, each on its own profile; r1 lasts twelve hours (its caller is long-term). */
    void chainUserR1R2R3() {
        addUser("user");
        addRole("r1", "user", NamedProfile.of("r1"), Map.of("duration", "43200"));
        addRole("r2", "r1");
        addRole("r3", "r2");
    }

    StartResult start(String session) {
        return start.start(new StartSessionCommand(session, false));
    }

    Workspace workspace() {
        return store.load();
    }

    Session session(String alias) {
        return workspace().get(alias);
    }

    /** The credentials written to the credentials-file section of {@code profile}, if any. */
    Optional<TemporaryCredentials> written(String profile) {
        return Optional.ofNullable(credentialsFile.sections().get(profile));
    }

    /** The identity of the credentials written to {@code profile}. */
    String writtenIdentity(String profile) {
        return sts.identityOf(written(profile).orElseThrow(() -> new AssertionError("no section " + profile)));
    }

    /** The identities that signed each AssumeRole call, in order. */
    List<String> assumeRoleCallers() {
        return sts.assumeRoleCalls().stream()
                .map(c -> sts.identityOf(c.caller()))
                .toList();
    }

    /** The roles assumed by each AssumeRole call, by role name, in order. */
    List<String> assumedRoles() {
        return sts.assumeRoleCalls().stream().map(c -> c.roleArn().roleName()).toList();
    }
}
