package io.rolehop.cli.fast;

import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionId;
import io.rolehop.domain.SessionStatus;
import io.rolehop.domain.Workspace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code workspace.json} for the warm path: accepts exactly the files that {@code JsonWorkspaceStore} (schema
 * version 1) reads into a valid domain {@code Workspace}, and keeps of them what the warm path needs.
 *
 * <p>Every value goes through the domain's own value objects ({@link Alias}, {@link Region}, ...), which check it;
 * the invariants that the {@code Workspace} constructor checks (unique ids and aliases, assumers that exist, no cycle,
 * one active session per profile, a valid refresh margin) are checked here on plain strings. Building the domain
 * {@code Workspace} itself would be simpler, but its record keys and lambdas link dozens of method handles at first
 * use, which costs a cold JVM more than the rest of the warm path together. {@code WorkspaceReaderTest} holds this
 * reader to {@code JsonWorkspaceStore} on valid files and on files broken in every way the store refuses.
 *
 * <p>Where the store would report an error, and for a newer or older schema, this reader gives nothing: the full
 * command then reads the file itself and says what is wrong.
 */
final class WorkspaceReader {
    static final long SCHEMA_VERSION = 1;
    private static final Set<String> ROOT_FIELDS =
            Set.of("schemaVersion", "defaultRegion", "profiles", "settings", "sessions");
    private static final Set<String> SESSION_FIELDS = Set.of(
            "id", "alias", "method", "profile", "region", "status", "assumer", "attributes", "expiration", "mode");
    private static final long DEFAULT_REFRESH_MARGIN_SECONDS = Workspace.DEFAULT_REFRESH_MARGIN.getSeconds();

    /** What the warm path needs of a valid workspace. */
    static final class Snapshot {
        private final List<String> ids;
        private final List<String> aliases;
        private final long refreshMarginSeconds;
        private final Map<String, Object> document;

        Snapshot(List<String> ids, List<String> aliases, long refreshMarginSeconds, Map<String, Object> document) {
            this.ids = ids;
            this.aliases = aliases;
            this.refreshMarginSeconds = refreshMarginSeconds;
            this.document = document;
        }

        /**
         * The domain's workspace, as {@code JsonWorkspaceStore.load()} builds it from the same (already checked)
         * document: for the lean path, which needs the sessions themselves. The warm path never calls it, so its
         * records and lambdas stay off the warm path.
         */
        Workspace workspace() {
            try {
                List<NamedProfile> profiles = new ArrayList<>();
                for (Object p : array(document.get("profiles"))) {
                    profiles.add(NamedProfile.stored(string(p)));
                }
                List<Session> sessions = new ArrayList<>();
                for (Object o : array(document.get("sessions"))) {
                    Map<String, Object> node = object(o);
                    Object assumer = node.get("assumer");
                    Object expiration = node.get("expiration");
                    Object mode = node.get("mode");
                    sessions.add(new Session(
                            new SessionId(string(node.get("id"))),
                            Alias.stored(string(node.get("alias"))),
                            AccessMethodId.of(string(node.get("method"))),
                            NamedProfile.stored(string(node.get("profile"))),
                            Region.of(string(node.get("region"))),
                            status(string(node.get("status"))),
                            assumer == null || assumer == StrictJson.NULL
                                    ? Optional.empty()
                                    : Optional.of(new SessionId(string(assumer))),
                            strings(node.get("attributes")),
                            expiration == null || expiration == StrictJson.NULL
                                    ? Optional.empty()
                                    : Optional.of(Instant.parse(string(expiration))),
                            mode == null ? DeliveryMode.FILE : mode(string(mode))));
                }
                return new Workspace(
                        sessions,
                        profiles,
                        Region.of(string(document.get("defaultRegion"))),
                        strings(document.get("settings")));
            } catch (Unexpected e) {
                throw new IllegalStateException("a checked workspace no longer reads", e);
            }
        }

        /** The id of the session with this id, else with this alias, as {@code Workspace.find(String)} looks. */
        Optional<String> find(String aliasOrId) {
            int at = SessionId.looksLikeId(aliasOrId) ? ids.indexOf(aliasOrId) : -1;
            if (at < 0) {
                at = aliases.indexOf(aliasOrId);
            }
            return at < 0 ? Optional.empty() : Optional.of(ids.get(at));
        }

        long refreshMarginSeconds() {
            return refreshMarginSeconds;
        }
    }

    /** Where the document differs from what the store accepts; never shown, the full command explains instead. */
    static final class Unexpected extends Exception {
        private static final long serialVersionUID = 1L;

        Unexpected() {
            super(null, null, false, false);
        }
    }

    private WorkspaceReader() {}

    /** The workspace in {@code json}, or empty if the store would refuse it. */
    static Optional<Snapshot> read(byte[] json) {
        try {
            return Optional.of(decode(StrictJson.parse(json)));
        } catch (StrictJson.Malformed | Unexpected | RuntimeException e) {
            // RuntimeException: the value objects' refusals (InvalidValueException) and Instant.parse's.
            return Optional.empty();
        }
    }

    private static Snapshot decode(Object document) throws Unexpected {
        Map<String, Object> root = object(document);
        Object version = root.get("schemaVersion");
        if (!(version instanceof Long) || (Long) version != SCHEMA_VERSION) {
            throw new Unexpected();
        }
        requireOnly(root, ROOT_FIELDS);
        Region.of(string(root.get("defaultRegion")));
        for (Object p : array(root.get("profiles"))) {
            NamedProfile.stored(string(p));
        }
        long margin = DEFAULT_REFRESH_MARGIN_SECONDS;
        for (Map.Entry<String, String> setting : strings(root.get("settings")).entrySet()) {
            if (setting.getKey().equals(Workspace.REFRESH_MARGIN_SETTING)) {
                margin = refreshMargin(setting.getValue());
            }
        }
        List<Object> sessions = array(root.get("sessions"));
        List<String> ids = new ArrayList<>(sessions.size());
        List<String> aliases = new ArrayList<>(sessions.size());
        Set<String> idSet = new HashSet<>();
        Set<String> aliasSet = new HashSet<>();
        Map<String, String> assumers = new HashMap<>();
        Set<String> activeProfiles = new HashSet<>();
        for (Object s : sessions) {
            Map<String, Object> node = object(s);
            requireOnly(node, SESSION_FIELDS);
            String id = new SessionId(string(node.get("id"))).value();
            String alias = Alias.stored(string(node.get("alias"))).value();
            AccessMethodId.of(string(node.get("method")));
            String profile = NamedProfile.stored(string(node.get("profile"))).name();
            Region.of(string(node.get("region")));
            SessionStatus status = status(string(node.get("status")));
            Object assumer = node.get("assumer");
            if (assumer != null && assumer != StrictJson.NULL) {
                assumers.put(id, new SessionId(string(assumer)).value());
            }
            strings(node.get("attributes"));
            Object expiration = node.get("expiration");
            if (expiration != null && expiration != StrictJson.NULL) {
                Instant.parse(string(expiration));
            }
            Object mode = node.get("mode");
            if (mode != null) {
                mode(string(mode));
            }
            if (!idSet.add(id)
                    || !aliasSet.add(alias)
                    || (status == SessionStatus.ACTIVE && !activeProfiles.add(profile))) {
                throw new Unexpected();
            }
            ids.add(id);
            aliases.add(alias);
        }
        // Every assumer exists, and following assumers from any session ends at a root: no cycle, no self-assumer.
        // Each session is walked once: a walk stops at a session already known to reach a root.
        Set<String> reachRoot = new HashSet<>();
        for (String id : ids) {
            List<String> path = new ArrayList<>();
            Set<String> onPath = new HashSet<>();
            for (String at = id; at != null && !reachRoot.contains(at); at = assumers.get(at)) {
                if (!idSet.contains(at) || !onPath.add(at)) {
                    throw new Unexpected();
                }
                path.add(at);
            }
            reachRoot.addAll(path);
        }
        return new Snapshot(ids, aliases, margin, root);
    }

    /** {@code Workspace.putSetting}'s rule: whole seconds, 1 to 5 ASCII digits, at most 43200. */
    private static long refreshMargin(String value) throws Unexpected {
        if (value.isEmpty() || value.length() > 5) {
            throw new Unexpected();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new Unexpected();
            }
        }
        long seconds = Long.parseLong(value);
        if (seconds > Workspace.MAX_REFRESH_MARGIN_SECONDS) {
            throw new Unexpected();
        }
        return seconds;
    }

    /** {@code DeliveryMode.parse}, without its stream. */
    private static DeliveryMode mode(String text) throws Unexpected {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (DeliveryMode m : DeliveryMode.values()) {
            if (m.label().equals(wanted)) {
                return m;
            }
        }
        throw new Unexpected();
    }

    private static SessionStatus status(String label) throws Unexpected {
        for (SessionStatus s : SessionStatus.values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new Unexpected();
    }

    private static void requireOnly(Map<String, Object> node, Set<String> allowed) throws Unexpected {
        for (String name : node.keySet()) {
            if (!allowed.contains(name)) {
                throw new Unexpected();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) throws Unexpected {
        if (!(value instanceof Map)) {
            throw new Unexpected();
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> array(Object value) throws Unexpected {
        if (!(value instanceof List)) {
            throw new Unexpected();
        }
        return (List<Object>) value;
    }

    private static String string(Object value) throws Unexpected {
        if (!(value instanceof String)) {
            throw new Unexpected();
        }
        return (String) value;
    }

    private static Map<String, String> strings(Object value) throws Unexpected {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, Object> e : object(value).entrySet()) {
            out.put(e.getKey(), string(e.getValue()));
        }
        return out;
    }
}
