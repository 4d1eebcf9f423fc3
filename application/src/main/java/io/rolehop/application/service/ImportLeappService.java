package io.rolehop.application.service;

import io.rolehop.application.port.in.ImportLeappCommand;
import io.rolehop.application.port.in.ImportLeappUseCase;
import io.rolehop.application.port.in.ImportReport;
import io.rolehop.application.port.in.ImportReport.Entry;
import io.rolehop.application.port.in.ImportReport.Outcome;
import io.rolehop.application.port.out.LeappKeychain;
import io.rolehop.application.port.out.LeappWorkspace;
import io.rolehop.application.port.out.LeappWorkspaceReader;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.DomainException;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionId;
import io.rolehop.domain.Text;
import io.rolehop.domain.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a Leapp workspace onto rolehop sessions (see docs/user-guide/migrating.md, "From Leapp"). Leapp's session name
 * becomes the alias (made valid, and unique with {@code -2}, {@code -3}...), which is also how a second import finds
 * what the first one added.
 */
public final class ImportLeappService implements ImportLeappUseCase {
    static final String IAM_USER = "aws-iam-user";
    static final String ROLE_CHAINED = "aws-iam-role-chained";
    static final String SSO = "aws-sso";
    private static final String KEY_ID_ACCOUNT = "-iam-user-aws-session-access-key-id";
    private static final String SECRET_ACCOUNT = "-iam-user-aws-session-secret-access-key";

    private final WorkspaceStore store;
    private final AccessMethods methods;
    private final SecretStore secrets;
    private final LeappWorkspaceReader reader;
    private final LeappKeychain keychain;

    public ImportLeappService(
            WorkspaceStore store,
            AccessMethods methods,
            SecretStore secrets,
            LeappWorkspaceReader reader,
            LeappKeychain keychain) {
        this.store = Objects.requireNonNull(store, "store");
        this.methods = Objects.requireNonNull(methods, "methods");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.keychain = Objects.requireNonNull(keychain, "keychain");
    }

    @Override
    public ImportReport importLeapp(ImportLeappCommand command) {
        LeappWorkspace leapp = reader.read(command.file(), command.machineId());
        Optional<String> noKeychain = keychain.unavailable();
        Map<String, KeyPair> keys = new HashMap<>();
        if (noKeychain.isEmpty()) {
            for (LeappWorkspace.Session s : leapp.sessions()) {
                if ("awsIamUser".equals(s.type())) {
                    Optional<String> id = keychain.secret(s.id() + KEY_ID_ACCOUNT);
                    Optional<String> secret = keychain.secret(s.id() + SECRET_ACCOUNT);
                    if (id.isPresent() && secret.isPresent()) {
                        keys.put(s.id(), new KeyPair(id.get(), secret.get()));
                    }
                }
            }
        }
        Plan plan = new Plan(leapp, keys, noKeychain, command.dryRun());
        List<Entry> entries = command.dryRun() ? plan.apply(store.load()) : store.update(plan::apply);
        return new ImportReport(command.dryRun(), entries);
    }

    private record KeyPair(String accessKeyId, String secretAccessKey) {}

    /** One import run over one workspace: the aliases chosen and the rolehop id of each Leapp session imported. */
    private final class Plan {
        private final LeappWorkspace leapp;
        private final Map<String, KeyPair> keys;
        private final Optional<String> noKeychain;
        private final boolean dryRun;
        private final Map<String, SessionId> imported = new HashMap<>();
        private final Set<String> aliasesTaken = new HashSet<>();

        Plan(LeappWorkspace leapp, Map<String, KeyPair> keys, Optional<String> noKeychain, boolean dryRun) {
            this.leapp = leapp;
            this.keys = keys;
            this.noKeychain = noKeychain;
            this.dryRun = dryRun;
        }

        List<Entry> apply(Workspace workspace) {
            imported.clear();
            aliasesTaken.clear();
            Map<String, Entry> entries = new LinkedHashMap<>();
            Map<String, LeappWorkspace.Session> byId = new LinkedHashMap<>();
            leapp.sessions().forEach(s -> byId.put(s.id(), s));
            // Roots first, then each chained session once its assumer is in: any depth, in file order otherwise.
            List<LeappWorkspace.Session> pending = new ArrayList<>(leapp.sessions());
            boolean progress = true;
            while (!pending.isEmpty() && progress) {
                progress = false;
                for (var it = pending.iterator(); it.hasNext(); ) {
                    LeappWorkspace.Session s = it.next();
                    Optional<String> parent =
                            "awsIamRoleChained".equals(s.type()) ? s.field("parentSessionId") : Optional.empty();
                    if (parent.isPresent() && !imported.containsKey(parent.get())) {
                        if (byId.containsKey(parent.get()) && !entries.containsKey(parent.get())) {
                            continue;
                        }
                        entries.put(
                                s.id(),
                                skipped(
                                        s,
                                        parent.filter(byId::containsKey)
                                                .map(p -> "its assumer '"
                                                        + Text.printable(
                                                                byId.get(p).name()) + "' is not imported")
                                                .orElse("its assumer session is not in the Leapp workspace")));
                    } else {
                        entries.put(s.id(), one(workspace, s));
                    }
                    it.remove();
                    progress = true;
                }
            }
            pending.forEach(s -> entries.put(s.id(), skipped(s, "its chain of assumers is a cycle")));
            List<Entry> ordered = new ArrayList<>();
            leapp.sessions().forEach(s -> ordered.add(entries.get(s.id())));
            return ordered;
        }

        private Entry one(Workspace workspace, LeappWorkspace.Session s) {
            String methodId = switch (s.type()) {
                case "awsIamUser" -> IAM_USER;
                case "awsIamRoleChained" -> ROLE_CHAINED;
                case "awsSsoRole" -> SSO;
                default -> "";
            };
            if (methodId.isEmpty()) {
                return skipped(s, "Leapp session type '" + Text.printable(s.type()) + "' has no rolehop access method");
            }
            Optional<AccessMethod> method = methods.find(methodId);
            if (method.isEmpty()) {
                return skipped(s, "the access method " + methodId + " is not installed in this rolehop");
            }
            try {
                return imported(workspace, s, method.get());
            } catch (DomainException | io.rolehop.application.ApplicationException e) {
                return skipped(s, e.getMessage());
            }
        }

        private Entry imported(Workspace workspace, LeappWorkspace.Session s, AccessMethod method) {
            Map<String, String> fields = new LinkedHashMap<>();
            Optional<SessionId> assumer = Optional.empty();
            String todo = "";
            switch (method.id()) {
                case IAM_USER -> {
                    s.field("mfaDevice").ifPresent(d -> fields.put("mfa-device", d));
                    KeyPair pair = keys.get(s.id());
                    if (pair != null) {
                        fields.put("access-key-id", pair.accessKeyId());
                        fields.put("secret-access-key", pair.secretAccessKey());
                    } else {
                        todo = "; keys not imported ("
                                + noKeychain.orElse("not found in the keychain under service Leapp")
                                + "): set them with: rolehop session edit %ALIAS%"
                                + " --access-key-id ID --secret-access-key-stdin";
                    }
                }
                case ROLE_CHAINED -> {
                    fields.put("role-arn", require(s, "roleArn"));
                    s.field("roleSessionName").ifPresent(n -> fields.put("role-session-name", n));
                    assumer =
                            Optional.of(imported.get(s.field("parentSessionId").orElseThrow()));
                }
                default -> {
                    String arn = require(s, "roleArn");
                    String integrationId = require(s, "awsSsoConfigurationId");
                    LeappWorkspace.SsoIntegration integration = leapp.ssoIntegrations().stream()
                            .filter(i -> i.id().equals(integrationId))
                            .findFirst()
                            .orElseThrow(() -> new io.rolehop.application.UsageException(
                                    "its IAM Identity Center integration is not in the Leapp workspace"));
                    // Leapp writes arn:aws:iam::ACCOUNT/ROLE for these sessions.
                    int slash = arn.indexOf('/');
                    if (!arn.startsWith("arn:aws:iam::") || slash < 0) {
                        throw new io.rolehop.application.UsageException(
                                "its role '" + Text.printable(arn) + "' is not of the form arn:aws:iam::ACCOUNT/ROLE");
                    }
                    fields.put("start-url", integration.portalUrl());
                    fields.put("sso-region", integration.region());
                    fields.put("account-id", arn.substring("arn:aws:iam::".length(), slash));
                    fields.put("role-name", arn.substring(slash + 1));
                }
            }
            Map<String, String> all = SessionFields.withDefaults(method, fields);
            // Without its keys an IAM user is imported incomplete, to be finished with 'session edit'.
            SessionFields.check(method, all, todo.isEmpty());
            NamedProfile profile = s.field("profileId")
                    .flatMap(id -> leapp.profiles().stream()
                            .filter(p -> p.id().equals(id))
                            .findFirst())
                    .map(p -> NamedProfile.of(p.name()))
                    .orElse(NamedProfile.DEFAULT);
            Region region = s.region().or(leapp::defaultRegion).map(Region::of).orElse(workspace.defaultRegion());
            // Leapp names IAM Identity Center sessions after the account alone: the role makes each alias telling.
            String name = method.id().equals(SSO) ? s.name() + "/" + fields.get("role-name") : s.name();
            Alias alias = aliasFor(workspace, name, method);
            Map<String, String> publicValues = SessionFields.publicValues(method, all);
            String what = method.id() + " on profile " + profile.name() + " in " + region.code();
            Optional<Session> existing = workspace.find(alias.value());
            Entry entry;
            Session session;
            if (existing.isEmpty()) {
                session = Session.create(alias, AccessMethodId.of(method.id()), profile, region, assumer, publicValues)
                        .withMode(StartSessionService.defaultMode(workspace));
                workspace.add(session);
                entry = new Entry(
                        s.name(), alias.value(), Outcome.ADDED, what + todo.replace("%ALIAS%", quoted(alias)));
            } else {
                Session before = existing.get();
                Session after = before.withProfile(profile)
                        .withRegion(region)
                        .withAssumer(assumer)
                        .withAttributes(publicValues);
                if (after.equals(before)) {
                    entry = new Entry(s.name(), alias.value(), Outcome.UNCHANGED, what);
                } else if (before.isActive()) {
                    entry = new Entry(
                            s.name(),
                            alias.value(),
                            Outcome.SKIPPED,
                            "changed in Leapp, but active here: stop it (rolehop session stop " + quoted(alias)
                                    + ") and import again");
                } else {
                    workspace.replace(after);
                    entry = new Entry(s.name(), alias.value(), Outcome.UPDATED, what);
                }
                session = after;
            }
            imported.put(s.id(), session.id());
            // Keys set in rolehop since (session edit, rotate-keys) win over Leapp's.
            if (!dryRun
                    && keys.containsKey(s.id())
                    && (existing.isEmpty()
                            || secrets.get(SecretKeys.field(session.id(), "access-key-id"))
                                    .isEmpty())) {
                SessionFields.storeSecrets(method, session, all, secrets);
            }
            return entry;
        }

        /**
         * Leapp's name made a valid alias, {@code -2}, {@code -3}... when another Leapp session of this import has it;
         * a session of this workspace with that alias is the same one only if it has the same access method.
         */
        private Alias aliasFor(Workspace workspace, String name, AccessMethod method) {
            String base =
                    name.strip().replaceAll("[^\\p{L}\\p{N} ._@+=:/-]", "-").replaceAll("^[^\\p{L}\\p{N}]+", "");
            if (base.isEmpty()) {
                base = "leapp-session";
            }
            base = base.substring(0, Math.min(base.length(), 56)).strip();
            String candidate = base;
            for (int n = 2; ; n++) {
                Optional<Session> holder = workspace.find(candidate);
                boolean foreign =
                        holder.isPresent() && !holder.get().method().value().equals(method.id());
                if (!aliasesTaken.contains(candidate)
                        && !foreign
                        && !Alias.stored(candidate).looksLikeId()) {
                    aliasesTaken.add(candidate);
                    return Alias.of(candidate);
                }
                candidate = base + "-" + n;
            }
        }

        private Entry skipped(LeappWorkspace.Session s, String why) {
            return new Entry(s.name(), "", Outcome.SKIPPED, why);
        }
    }

    private static String require(LeappWorkspace.Session s, String field) {
        return s.field(field)
                .orElseThrow(() -> new io.rolehop.application.UsageException(
                        "its field '" + field + "' is missing in the Leapp workspace"));
    }

    private static String quoted(Alias alias) {
        return alias.value().matches("[A-Za-z0-9._@+=:/-]+") ? alias.value() : "\"" + alias.value() + "\"";
    }
}
