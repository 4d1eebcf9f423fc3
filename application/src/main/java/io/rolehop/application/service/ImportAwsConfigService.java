package io.rolehop.application.service;

import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.ImportAwsConfigUseCase;
import io.rolehop.application.port.out.AwsCliFiles;
import io.rolehop.application.port.out.ConfigFile;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.InvalidValueException;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.Session;
import io.rolehop.domain.Workspace;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Reads the AWS CLI's profiles through {@link AwsCliFiles} and makes sessions of them (docs/user-guide/migrating.md,
 * "From the AWS CLI"). The access methods are found by id in the registry, so a profile of a method that is not
 * installed is reported, not guessed at.
 */
public final class ImportAwsConfigService implements ImportAwsConfigUseCase {
    static final String IAM_USER = "aws-iam-user";
    static final String ROLE_CHAINED = "aws-iam-role-chained";
    static final String SSO = "aws-sso";
    /** Where an adoption keeps the sections it took over: {@code <prefix><FILE>/<base64url(header)>}. */
    static final String BACKUP_PREFIX = "import/aws-config/";

    private static final String TARGET_PREFIX = "rolehop-";

    private final WorkspaceStore store;
    private final AccessMethods methods;
    private final SecretStore secrets;
    private final AwsCliFiles files;
    private final ConfigFile configFile;
    private final ProfileApplier applier;
    private final Supplier<ChainCredentialsResolver> resolver;

    public ImportAwsConfigService(
            WorkspaceStore store,
            AccessMethods methods,
            SecretStore secrets,
            AwsCliFiles files,
            ConfigFile configFile,
            ProfileApplier applier,
            Supplier<ChainCredentialsResolver> resolver) {
        this.store = Objects.requireNonNull(store, "store");
        this.methods = Objects.requireNonNull(methods, "methods");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.files = Objects.requireNonNull(files, "files");
        this.configFile = Objects.requireNonNull(configFile, "configFile");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** A profile made into a session: its method, fields (secrets included), region and source profile. */
    private record Mapped(
            String profile,
            String method,
            Map<String, String> fields,
            Optional<String> region,
            Optional<String> source) {}

    /** A profile's fate while classifying: mapped, or skipped with the reason. */
    private record Fate(Optional<Mapped> mapped, String reason) {
        static Fate skip(String reason) {
            return new Fate(Optional.empty(), reason);
        }
    }

    @Override
    public Plan importProfiles(Command command) {
        Objects.requireNonNull(command, "command");
        AwsCliFiles.Setup setup = files.read();
        Map<String, Map<String, String>> profiles = new LinkedHashMap<>(setup.profiles());
        setup.owned().forEach(profiles::remove);
        Workspace current = store.load();
        List<Item> managed = new ArrayList<>();
        List<String> wantedProfiles = new ArrayList<>();
        for (String wanted : command.profiles()) {
            if (setup.owned().contains(wanted)) {
                // Taken over by an earlier --adopt, or written by a session: rolehop's already, nothing to import.
                Optional<Session> on = current.sessions().stream()
                        .filter(s -> s.profile().name().equals(wanted))
                        .findFirst();
                managed.add(new Item(
                        wanted,
                        Action.UNCHANGED,
                        on.map(s -> s.alias().value()),
                        on.map(s -> s.method().value()),
                        on.flatMap(Session::assumer)
                                .flatMap(current::find)
                                .map(s -> s.alias().value()),
                        Optional.of(wanted),
                        "rolehop manages this profile already"));
            } else if (!profiles.containsKey(wanted)) {
                throw new UsageException("no profile '" + wanted + "' in " + files.location(AwsCliFiles.File.CONFIG)
                        + " or " + files.location(AwsCliFiles.File.CREDENTIALS)
                        + "; 'aws configure list-profiles' lists them");
            } else {
                wantedProfiles.add(wanted);
            }
        }
        Map<String, Fate> fates = new LinkedHashMap<>();
        for (String profile : profiles.keySet()) {
            classify(profile, profiles, setup.ssoSessions(), fates, new LinkedHashSet<>());
        }
        Set<String> selected =
                command.profiles().isEmpty() ? new LinkedHashSet<>(fates.keySet()) : selection(wantedProfiles, fates);
        carryMfaToRoots(fates, profiles);
        Map<String, String> aliases = aliases(fates, selected);
        check(fates, selected, aliases, current, command.adopt());
        Set<String> taken = new HashSet<>(setup.profiles().keySet());
        current.sessions().forEach(s -> taken.add(s.profile().name()));

        List<Item> items = new ArrayList<>(managed);
        List<Item> skipped = new ArrayList<>();
        List<Mapped> ordered = rootsFirst(fates, selected);
        for (String profile : selected) {
            Fate fate = fates.get(profile);
            if (fate.mapped().isEmpty()) {
                skipped.add(new Item(
                        profile,
                        Action.SKIP,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        fate.reason()));
            }
        }
        for (Mapped m : ordered) {
            String alias = aliases.get(m.profile());
            Optional<String> assumer = m.source().map(aliases::get);
            Optional<Session> existing =
                    current.find(alias).filter(s -> s.alias().value().equals(alias));
            String target;
            if (command.adopt()) {
                target = m.profile();
            } else if (existing.isPresent()) {
                target = existing.get().profile().name();
            } else {
                target = freeProfile(m.profile(), taken);
                taken.add(target);
            }
            if (existing.isEmpty()) {
                items.add(new Item(
                        m.profile(),
                        Action.ADD,
                        Optional.of(alias),
                        Optional.of(m.method()),
                        assumer,
                        Optional.of(target),
                        ""));
                continue;
            }
            List<String> changes = changes(existing.get(), m, assumer, target, current, command.adopt());
            items.add(new Item(
                    m.profile(),
                    changes.isEmpty() ? Action.UNCHANGED : Action.UPDATE,
                    Optional.of(alias),
                    Optional.of(m.method()),
                    assumer,
                    Optional.of(target),
                    String.join(", ", changes)));
        }
        items.addAll(skipped);
        Plan plan = new Plan(items, command.adopt());
        boolean changes = items.stream().anyMatch(i -> i.action() == Action.ADD || i.action() == Action.UPDATE);
        if (command.dryRun() || !changes) {
            return plan;
        }
        apply(plan, ordered, aliases, setup, command.adopt());
        return plan;
    }

    private void apply(
            Plan plan, List<Mapped> ordered, Map<String, String> aliases, AwsCliFiles.Setup setup, boolean adopt) {
        Map<String, Item> byProfile = new HashMap<>();
        plan.items().forEach(i -> byProfile.put(i.profile(), i));
        List<Session> adopted = new ArrayList<>();
        List<Session> changed = new ArrayList<>();
        store.update(workspace -> {
            for (Mapped m : ordered) {
                Item item = byProfile.get(m.profile());
                if (item == null || item.action() == Action.SKIP) {
                    continue;
                }
                AccessMethod method = methods.get(AccessMethodId.of(m.method()));
                Map<String, String> fields = SessionFields.withDefaults(method, m.fields());
                SessionFields.check(method, fields, true);
                Optional<Session> assumer = m.source().map(aliases::get).map(workspace::get);
                SessionFields.checkTogether(
                        method, fields, assumer.map(a -> methods.get(a.method()).requiresAssumer()));
                NamedProfile target = NamedProfile.of(item.target().orElseThrow());
                Region region = m.region().map(Region::of).orElse(workspace.defaultRegion());
                Session session;
                if (item.action() == Action.ADD) {
                    session = Session.create(
                                    Alias.of(aliases.get(m.profile())),
                                    AccessMethodId.of(m.method()),
                                    target,
                                    region,
                                    assumer.map(Session::id),
                                    SessionFields.publicValues(method, fields))
                            .withMode(
                                    adopt
                                            ? DeliveryMode.CREDENTIAL_PROCESS
                                            : StartSessionService.defaultMode(workspace));
                    workspace.add(session);
                } else {
                    Session old = workspace.get(aliases.get(m.profile()));
                    session = old.withProfile(target)
                            .withRegion(region)
                            .withAssumer(assumer.map(Session::id))
                            .withAttributes(SessionFields.publicValues(method, fields));
                    if (adopt) {
                        session = session.withMode(DeliveryMode.CREDENTIAL_PROCESS);
                    }
                    if (!session.profile().equals(old.profile()) && old.isActive()) {
                        applier.remove(old.profile());
                        session = session.deactivated();
                    }
                    workspace.replace(session);
                    if (item.action() == Action.UPDATE) {
                        changed.add(session);
                    }
                }
                SessionFields.storeSecrets(method, session, fields, secrets);
                if (adopt) {
                    adopted.add(session);
                }
            }
            return null;
        });
        for (Session session : changed) {
            resolver.get().forgetWithDependents(store.load(), session.id());
        }
        for (Session session : adopted) {
            takeOver(session, setup);
        }
    }

    /** Replaces the profile's sections by rolehop's, after keeping the originals in the secret store. */
    private void takeOver(Session session, AwsCliFiles.Setup setup) {
        List<AwsCliFiles.Section> sections = setup.sectionsOf(session.profile().name());
        for (AwsCliFiles.Section section : sections) {
            secrets.put(backupKey(section.file(), section.header()), section.text());
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put("credential_process", applier.credentialProcess(session));
        config.put("region", session.region().code());
        boolean configDone = false;
        for (AwsCliFiles.Section section : sections) {
            if (section.file() == AwsCliFiles.File.CONFIG) {
                files.takeOver(section, config);
                configDone = true;
            } else {
                files.takeOver(section, Map.of());
            }
        }
        if (!configDone) {
            configFile.write(session.profile(), config, false);
        }
    }

    @Override
    public List<Restored> restore() {
        List<Restored> out = new ArrayList<>();
        Map<String, Boolean> configBackedUp = new TreeMap<>();
        Set<String> restoredProfiles = new LinkedHashSet<>();
        for (String key : secrets.keys(BACKUP_PREFIX)) {
            String rest = key.substring(BACKUP_PREFIX.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                continue;
            }
            AwsCliFiles.File file;
            String header;
            try {
                file = AwsCliFiles.File.valueOf(rest.substring(0, slash));
                header = new String(Base64.getUrlDecoder().decode(rest.substring(slash + 1)), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                continue;
            }
            Optional<String> text = secrets.get(key);
            if (text.isEmpty()) {
                continue;
            }
            String profile = file == AwsCliFiles.File.CONFIG ? profileOfConfigHeader(header) : header;
            Optional<String> refusal = files.giveBack(new AwsCliFiles.Section(file, header, profile, text.get()));
            if (refusal.isPresent()) {
                out.add(new Restored(profile, false, refusal.get()));
                continue;
            }
            secrets.delete(key);
            restoredProfiles.add(profile);
            if (file == AwsCliFiles.File.CONFIG) {
                configBackedUp.put(profile, true);
            }
            out.add(new Restored(profile, true, "[" + header + "] put back in " + files.location(file)));
        }
        if (restoredProfiles.isEmpty()) {
            return out;
        }
        for (String profile : restoredProfiles) {
            if (!configBackedUp.containsKey(profile)) {
                configFile.remove(NamedProfile.stored(profile));
            }
        }
        Set<String> taken = new HashSet<>(files.read().profiles().keySet());
        store.update(workspace -> {
            workspace.sessions().forEach(s -> taken.add(s.profile().name()));
            for (Session session : workspace.sessions()) {
                if (restoredProfiles.contains(session.profile().name())) {
                    String target = freeProfile(session.profile().name(), taken);
                    taken.add(target);
                    workspace.replace(session.deactivated()
                            .withProfile(NamedProfile.of(target))
                            .withMode(DeliveryMode.FILE));
                }
            }
            return null;
        });
        return out;
    }

    static String backupKey(AwsCliFiles.File file, String header) {
        return BACKUP_PREFIX + file.name() + "/"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8));
    }

    private static String profileOfConfigHeader(String header) {
        if (header.equals("default")) {
            return "default";
        }
        String[] words = header.trim().split("\\s+", 2);
        return words.length == 2 ? words[1].replace("\"", "").replace("'", "") : header;
    }

    /** Classifies {@code profile}, its source first; {@code visiting} holds the chain walked so far. */
    private Fate classify(
            String profile,
            Map<String, Map<String, String>> profiles,
            Map<String, Map<String, String>> ssoSessions,
            Map<String, Fate> fates,
            LinkedHashSet<String> visiting) {
        Fate known = fates.get(profile);
        if (known != null) {
            return known;
        }
        Map<String, String> s = profiles.get(profile);
        Optional<String> region = Optional.ofNullable(s.get("region")).filter(r -> !r.isEmpty());
        Fate fate;
        if (region.isPresent() && !validRegion(region.get())) {
            fate = Fate.skip("its region '" + region.get() + "' is not a valid region");
        } else if (s.containsKey("role_arn")) {
            fate = classifyRole(profile, s, region, profiles, ssoSessions, fates, visiting);
        } else if (s.containsKey("sso_session") || s.containsKey("sso_start_url")) {
            fate = classifySso(profile, s, region, ssoSessions);
        } else if (s.containsKey("credential_process")) {
            fate = Fate.skip("its credentials come from credential_process, a command rolehop does not run; add it"
                    + " as a session of a plugin that runs commands, or keep it in the AWS CLI");
        } else if (s.containsKey("aws_access_key_id") && s.containsKey("aws_secret_access_key")) {
            if (s.containsKey("aws_session_token")) {
                fate = Fate.skip("it holds temporary credentials (aws_session_token), which expire; import the"
                        + " profile they were made from");
            } else {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("access-key-id", s.get("aws_access_key_id"));
                fields.put("secret-access-key", s.get("aws_secret_access_key"));
                Optional.ofNullable(s.get("mfa_serial"))
                        .filter(v -> !v.isEmpty())
                        .ifPresent(v -> fields.put("mfa-device", v));
                fate = new Fate(Optional.of(new Mapped(profile, IAM_USER, fields, region, Optional.empty())), "");
            }
        } else {
            fate = Fate.skip("it holds no credentials (no keys, role_arn or IAM Identity Center settings)");
        }
        fates.put(profile, fate);
        return fate;
    }

    private Fate classifyRole(
            String profile,
            Map<String, String> s,
            Optional<String> region,
            Map<String, Map<String, String>> profiles,
            Map<String, Map<String, String>> ssoSessions,
            Map<String, Fate> fates,
            LinkedHashSet<String> visiting) {
        String source = s.get("source_profile");
        if (source == null) {
            if (s.containsKey("credential_source")) {
                return Fate.skip("its role is assumed with credential_source = " + s.get("credential_source")
                        + ", credentials of the machine it runs on, which a rolehop session does not hold");
            }
            if (s.containsKey("web_identity_token_file")) {
                return Fate.skip("its role is assumed with a web identity token, which rolehop does not read");
            }
            return Fate.skip("role_arn without source_profile: there are no credentials to assume it with");
        }
        if (source.equals(profile)) {
            return Fate.skip("source_profile names the profile itself; split its keys into a profile of their own");
        }
        if (!profiles.containsKey(source)) {
            return Fate.skip("its source_profile '" + source + "' does not exist"
                    + " (or is a profile rolehop manages already)");
        }
        visiting.add(profile);
        if (visiting.contains(source)) {
            List<String> cycle = new ArrayList<>(visiting);
            cycle = cycle.subList(cycle.indexOf(source), cycle.size());
            return Fate.skip("its source profiles form a cycle: " + String.join(" -> ", cycle) + " -> " + source);
        }
        Fate sourceFate = classify(source, profiles, ssoSessions, fates, visiting);
        visiting.remove(profile);
        if (sourceFate.mapped().isEmpty()) {
            return Fate.skip(
                    sourceFate.reason().startsWith("its source profiles form a cycle")
                            ? sourceFate.reason()
                            : "its source profile '" + source + "' is not imported");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("role-arn", s.get("role_arn"));
        copy(s, "role_session_name", fields, "role-session-name");
        copy(s, "external_id", fields, "external-id");
        copy(s, "duration_seconds", fields, "duration");
        copy(s, "source_identity", fields, "source-identity");
        Optional<String> method =
                Optional.of(ROLE_CHAINED).filter(id -> methods.find(id).isPresent());
        if (method.isEmpty()) {
            return Fate.skip("the " + ROLE_CHAINED + " access method is not installed");
        }
        return new Fate(Optional.of(new Mapped(profile, ROLE_CHAINED, fields, region, Optional.of(source))), "");
    }

    private Fate classifySso(
            String profile,
            Map<String, String> s,
            Optional<String> region,
            Map<String, Map<String, String>> ssoSessions) {
        if (methods.find(SSO).isEmpty()) {
            return Fate.skip(
                    "it is an IAM Identity Center profile, and the " + SSO + " access method is not" + " installed");
        }
        Map<String, String> sso = new LinkedHashMap<>(s);
        if (s.containsKey("sso_session")) {
            Map<String, String> session = ssoSessions.get(s.get("sso_session"));
            if (session == null) {
                return Fate.skip("its sso_session '" + s.get("sso_session") + "' has no [sso-session] section");
            }
            session.forEach(sso::putIfAbsent);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        copy(sso, "sso_start_url", fields, "start-url");
        copy(sso, "sso_region", fields, "sso-region");
        copy(sso, "sso_account_id", fields, "account-id");
        copy(sso, "sso_role_name", fields, "role-name");
        if (fields.size() < 4) {
            return Fate.skip("it lacks sso_start_url, sso_region, sso_account_id or sso_role_name");
        }
        return new Fate(Optional.of(new Mapped(profile, SSO, fields, region, Optional.empty())), "");
    }

    private static void copy(Map<String, String> from, String key, Map<String, String> to, String field) {
        Optional.ofNullable(from.get(key)).filter(v -> !v.isEmpty()).ifPresent(v -> to.put(field, v));
    }

    private static boolean validProfile(String profile) {
        try {
            NamedProfile.of(profile);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    private static boolean validRegion(String region) {
        try {
            Region.of(region);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /** The profiles asked for and every source their chains need. */
    private static Set<String> selection(List<String> wanted, Map<String, Fate> fates) {
        Set<String> out = new LinkedHashSet<>();
        for (String profile : wanted) {
            String current = profile;
            while (current != null && out.add(current)) {
                Fate fate = fates.get(current);
                current = fate == null
                        ? null
                        : fate.mapped().flatMap(Mapped::source).orElse(null);
            }
        }
        return out;
    }

    /**
     * As aws-vault reads it: an {@code mfa_serial} on a role profile belongs to the IAM user its chain starts from,
     * unless that user names a device of its own.
     */
    private static void carryMfaToRoots(Map<String, Fate> fates, Map<String, Map<String, String>> profiles) {
        for (Map.Entry<String, Fate> entry : fates.entrySet()) {
            Optional<Mapped> mapped = entry.getValue().mapped();
            String serial = profiles.get(entry.getKey()).get("mfa_serial");
            if (mapped.isEmpty() || mapped.get().source().isEmpty() || serial == null || serial.isEmpty()) {
                continue;
            }
            Mapped root = mapped.get();
            while (root.source().isPresent()) {
                root = fates.get(root.source().get()).mapped().orElseThrow();
            }
            if (root.method().equals(IAM_USER)) {
                root.fields().putIfAbsent("mfa-device", serial);
            }
        }
    }

    private static List<Mapped> rootsFirst(Map<String, Fate> fates, Set<String> selected) {
        List<Mapped> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (String profile : selected) {
            place(profile, fates, selected, placed, out);
        }
        return out;
    }

    private static void place(
            String profile, Map<String, Fate> fates, Set<String> selected, Set<String> placed, List<Mapped> out) {
        Optional<Mapped> mapped = fates.get(profile).mapped();
        if (mapped.isEmpty() || !selected.contains(profile) || !placed.add(profile)) {
            return;
        }
        mapped.get().source().ifPresent(source -> place(source, fates, selected, placed, out));
        out.add(mapped.get());
    }

    /**
     * Skips, sources first, what would fail to be added: a field its method refuses, an alias taken by a session of
     * another method, a source that is skipped.
     */
    private void check(
            Map<String, Fate> fates,
            Set<String> selected,
            Map<String, String> aliases,
            Workspace workspace,
            boolean adopt) {
        for (Mapped m : rootsFirst(fates, selected)) {
            String reason = null;
            Optional<Fate> source = m.source().map(fates::get);
            if (source.isPresent() && source.get().mapped().isEmpty()) {
                reason = "its source profile '" + m.source().get() + "' is not imported";
            }
            String alias = aliases.get(m.profile());
            Optional<Session> existing =
                    workspace.find(alias).filter(s -> s.alias().value().equals(alias));
            if (reason == null
                    && existing.isPresent()
                    && !existing.get().method().value().equals(m.method())) {
                reason = "a session '" + alias + "' of another access method ("
                        + existing.get().method() + ") exists; rename it and import again";
            }
            if (reason == null && adopt && !validProfile(m.profile())) {
                reason = "rolehop cannot write to a profile named like this; import it without --adopt";
            }
            if (reason == null) {
                AccessMethod method = methods.get(AccessMethodId.of(m.method()));
                try {
                    SessionFields.check(method, SessionFields.withDefaults(method, m.fields()), true);
                    SessionFields.checkTogether(
                            method,
                            SessionFields.withDefaults(method, m.fields()),
                            m.source()
                                    .map(p -> methods.get(AccessMethodId.of(fates.get(p)
                                                    .mapped()
                                                    .orElseThrow()
                                                    .method()))
                                            .requiresAssumer()));
                } catch (InvalidValueException | UsageException e) {
                    reason = e.getMessage();
                }
            }
            if (reason != null) {
                fates.put(m.profile(), Fate.skip(reason));
                aliases.remove(m.profile());
            }
        }
    }

    /** Each imported profile's alias: its name made valid, unique among the profiles imported. */
    private static Map<String, String> aliases(Map<String, Fate> fates, Set<String> selected) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (String profile : selected) {
            if (fates.get(profile).mapped().isEmpty()) {
                continue;
            }
            String base = validAlias(profile);
            String alias = base;
            for (int n = 2; used.contains(alias); n++) {
                alias = base.substring(0, Math.min(base.length(), 60)) + "-" + n;
            }
            used.add(alias);
            out.put(profile, alias);
        }
        return out;
    }

    static String validAlias(String profile) {
        String cleaned = profile.replaceAll("[^\\p{L}\\p{N} ._@+=:/-]", "-").strip();
        if (cleaned.isEmpty() || !Character.isLetterOrDigit(cleaned.codePointAt(0))) {
            cleaned = "profile-" + cleaned;
        }
        cleaned = cleaned.substring(0, Math.min(cleaned.length(), 64)).strip();
        try {
            return Alias.of(cleaned).value();
        } catch (InvalidValueException e) {
            return Alias.of("profile-" + cleaned.substring(0, Math.min(cleaned.length(), 56)))
                    .value();
        }
    }

    /** A profile name for an imported session that no AWS CLI profile and no session uses. */
    private static String freeProfile(String profile, Set<String> taken) {
        String base = TARGET_PREFIX + profile.replaceAll("[^A-Za-z0-9._@+-]", "-");
        base = base.substring(0, Math.min(base.length(), 60));
        String candidate = base;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private List<String> changes(
            Session existing, Mapped m, Optional<String> assumer, String target, Workspace workspace, boolean adopt) {
        List<String> out = new ArrayList<>();
        AccessMethod method = methods.get(existing.method());
        Map<String, String> wanted = SessionFields.withDefaults(method, m.fields());
        Map<String, String> now = SessionFields.allValues(method, existing, secrets);
        for (String field : new java.util.TreeSet<>(wanted.keySet())) {
            if (!Objects.equals(wanted.get(field), now.get(field))) {
                out.add(field);
            }
        }
        for (String field : now.keySet()) {
            if (!wanted.containsKey(field) && !out.contains(field)) {
                out.add(field);
            }
        }
        Region region = m.region().map(Region::of).orElse(workspace.defaultRegion());
        if (!region.equals(existing.region())) {
            out.add("region");
        }
        Optional<String> currentAssumer =
                existing.assumer().flatMap(workspace::find).map(s -> s.alias().value());
        if (!currentAssumer.equals(assumer)) {
            out.add("assumer");
        }
        if (adopt) {
            // The profile's sections are still the user's (rolehop's own are not imported): they are to be taken over.
            out.add("profile taken over");
        } else if (!existing.profile().name().equals(target)) {
            out.add("profile");
        }
        return out;
    }
}
