package io.rolehop.domain;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The aggregate of a user's sessions, named profiles and defaults, and keeper of their invariants: aliases are
 * unique; an assumer exists; the assumer graph has no cycle; a session with dependents is deleted only with them;
 * at most one session is active per named profile.
 */
public final class Workspace {
    public static final Region INITIAL_DEFAULT_REGION = Region.of("us-east-1");
    public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(15);
    /** The setting holding the refresh margin in whole seconds, 0 to 43200. */
    public static final String REFRESH_MARGIN_SETTING = "refresh-margin-seconds";
    /** The largest refresh margin, in seconds: 12 hours, the longest an STS credential lasts. */
    public static final long MAX_REFRESH_MARGIN_SECONDS = 43_200;
    /**
     * The smallest refresh margin {@code settings set} accepts (docs/cli-reference.md); a workspace file may hold a
     * smaller one, down to 0, and it is honoured.
     */
    public static final long MIN_SETTABLE_REFRESH_MARGIN_SECONDS = 60;

    private final Map<SessionId, Session> sessions = new LinkedHashMap<>();
    private final Set<NamedProfile> profiles = new TreeSet<>(Comparator.comparing(NamedProfile::name));
    private final Map<String, String> settings = new TreeMap<>();
    private Region defaultRegion;

    public Workspace() {
        this(List.of(), Set.of(), INITIAL_DEFAULT_REGION, Map.of());
    }

    /** Rebuilds a workspace from stored parts, checking every invariant as if the sessions were added in order. */
    public Workspace(
            Collection<Session> sessions,
            Collection<NamedProfile> profiles,
            Region defaultRegion,
            Map<String, String> settings) {
        this.defaultRegion = Objects.requireNonNull(defaultRegion, "defaultRegion");
        this.profiles.add(NamedProfile.DEFAULT);
        this.profiles.addAll(profiles);
        settings.forEach(this::putSetting);
        Map<SessionId, Session> pending = new LinkedHashMap<>();
        for (Session s : sessions) {
            if (pending.put(s.id(), s) != null) {
                throw new WorkspaceRuleException("two sessions share the id " + s.id());
            }
        }
        // Insert roots first so that the assumer-exists rule holds at every step, whatever the stored order.
        while (!pending.isEmpty()) {
            int before = pending.size();
            for (var it = pending.values().iterator(); it.hasNext(); ) {
                Session s = it.next();
                if (s.assumer().isEmpty()
                        || this.sessions.containsKey(s.assumer().get())) {
                    add(s);
                    it.remove();
                }
            }
            if (pending.size() == before) {
                Session s = pending.values().iterator().next();
                throw new WorkspaceRuleException(
                        "session '" + s.alias() + "' names an assumer that does not exist" + " or is part of a cycle");
            }
        }
        // Every rule holds; keep the stored order, which is the order the sessions were added in.
        this.sessions.clear();
        sessions.forEach(s -> this.sessions.put(s.id(), s));
    }

    // ---- queries ----

    /** All sessions in the order they were added. */
    public List<Session> sessions() {
        return List.copyOf(sessions.values());
    }

    public Optional<Session> find(SessionId id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** The session {@code aliasOrId} names, by the rule of {@link SessionRef}: ids first. */
    public Optional<Session> find(String aliasOrId) {
        return aliasOrId == null ? Optional.empty() : find(SessionRef.of(aliasOrId));
    }

    /** The session {@code ref} names: ids first ({@link SessionRef}). */
    public Optional<Session> find(SessionRef ref) {
        return ref.in(sessions.values());
    }

    /** Like {@link #find(String)}, failing with a clear message when nothing matches. */
    public Session get(String aliasOrId) {
        return find(aliasOrId).orElseThrow(() -> new UnknownSessionException(aliasOrId, sessions.values()));
    }

    /** Like {@link #find(SessionRef)}, failing with a clear message when nothing matches. */
    public Session get(SessionRef ref) {
        return ref.findIn(sessions.values());
    }

    public Session get(SessionId id) {
        return find(id).orElseThrow(() -> new UnknownSessionException(id.value()));
    }

    /** The chain of a session, root first, to any depth. */
    public Chain chainOf(SessionId id) {
        Deque<Session> hops = new ArrayDeque<>();
        Set<SessionId> seen = new HashSet<>();
        Optional<SessionId> next = Optional.of(id);
        while (next.isPresent()) {
            Session s = get(next.get());
            if (!seen.add(s.id())) {
                throw new WorkspaceRuleException("the assumer chain of '" + get(id).alias() + "' has a cycle");
            }
            hops.addFirst(s);
            next = s.assumer();
        }
        return new Chain(new ArrayList<>(hops));
    }

    /** Sessions whose assumer is this one. */
    public List<Session> directDependents(SessionId id) {
        return sessions.values().stream()
                .filter(s -> s.assumer().filter(id::equals).isPresent())
                .toList();
    }

    /** Every session that assumes from this one directly or through others, nearest first. */
    public List<Session> dependents(SessionId id) {
        List<Session> out = new ArrayList<>();
        Deque<SessionId> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            for (Session d : directDependents(todo.removeFirst())) {
                out.add(d);
                todo.addLast(d.id());
            }
        }
        return out;
    }

    /** Sessions with no assumer: the roots of the assumer forest. */
    public List<Session> roots() {
        return sessions.values().stream().filter(s -> s.assumer().isEmpty()).toList();
    }

    public Optional<Session> activeOn(NamedProfile profile) {
        return sessions.values().stream()
                .filter(s -> s.isActive() && s.profile().equals(profile))
                .findFirst();
    }

    public List<Session> active() {
        return sessions.values().stream().filter(Session::isActive).toList();
    }

    public Region defaultRegion() {
        return defaultRegion;
    }

    /** Named profiles known to the workspace, {@code default} always among them, sorted by name. */
    public List<NamedProfile> profiles() {
        return List.copyOf(profiles);
    }

    public Map<String, String> settings() {
        return Map.copyOf(settings);
    }

    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /**
     * The margin before expiry at which cached credentials stop being served (setting
     * {@value #REFRESH_MARGIN_SETTING}).
     */
    public Duration refreshMargin() {
        return setting(REFRESH_MARGIN_SETTING)
                .map(v -> Duration.ofSeconds(Long.parseLong(v)))
                .orElse(DEFAULT_REFRESH_MARGIN);
    }

    // ---- commands ----

    /**
     * Adds a new session. Its alias must be free, its assumer, if any, must exist, and if it is active no other
     * session may be active on its profile. Its profile becomes known.
     */
    public void add(Session session) {
        Objects.requireNonNull(session, "session");
        if (sessions.containsKey(session.id())) {
            throw new WorkspaceRuleException("a session with id " + session.id() + " already exists");
        }
        requireFreeAlias(session.alias(), session.id());
        session.assumer().ifPresent(this::requireAssumer);
        requireProfileFreeFor(session);
        sessions.put(session.id(), session);
        profiles.add(session.profile());
    }

    /**
     * Replaces a session by an edited copy with the same id, refusing a taken alias, a missing assumer or a cycle.
     */
    public void replace(Session edited) {
        Objects.requireNonNull(edited, "edited");
        Session current = get(edited.id());
        requireFreeAlias(edited.alias(), edited.id());
        if (edited.assumer().isPresent() && !edited.assumer().equals(current.assumer())) {
            SessionId assumer = edited.assumer().get();
            requireAssumer(assumer);
            if (assumer.equals(edited.id()) || dependents(edited.id()).stream().anyMatch(d -> d.id().equals(assumer))) {
                throw new WorkspaceRuleException("'" + get(assumer).alias() + "' cannot assume for '" + edited.alias()
                        + "': it already depends on it, and the chain would be a cycle; pick another assumer");
            }
        }
        requireProfileFreeFor(edited);
        sessions.put(edited.id(), edited);
        profiles.add(edited.profile());
    }

    /**
     * Removes a session. With dependents it is refused unless {@code cascade}, which removes them too.
     *
     * @return the removed sessions, dependents first and the session itself last
     */
    public List<Session> remove(SessionId id, boolean cascade) {
        Session session = get(id);
        List<Session> dependents = dependents(id);
        if (!dependents.isEmpty() && !cascade) {
            throw new WorkspaceRuleException("session '" + session.alias() + "' is the assumer of "
                    + dependents.stream().map(d -> "'" + d.alias() + "'").collect(Collectors.joining(", "))
                    + "; delete those first or use --cascade");
        }
        List<Session> removed = new ArrayList<>(dependents);
        java.util.Collections.reverse(removed);
        removed.add(session);
        removed.forEach(s -> sessions.remove(s.id()));
        return removed;
    }

    /**
     * Marks a session active until {@code expiration}, stopping any other session active on the same profile.
     *
     * @return the sessions that were stopped to keep one active session per profile, as they are now (inactive)
     */
    public List<Session> activate(SessionId id, java.time.Instant expiration) {
        return activate(id, expiration, get(id).mode());
    }

    /** Like {@link #activate(SessionId, java.time.Instant)}, handing credentials out by {@code mode}. */
    public List<Session> activate(SessionId id, java.time.Instant expiration, DeliveryMode mode) {
        Session session = get(id);
        List<Session> stopped = new ArrayList<>();
        for (Session other : List.copyOf(sessions.values())) {
            if (!other.id().equals(id) && other.isActive() && other.profile().equals(session.profile())) {
                Session deactivated = other.deactivated();
                sessions.put(other.id(), deactivated);
                stopped.add(deactivated);
            }
        }
        sessions.put(id, session.activated(expiration, mode));
        return stopped;
    }

    public void deactivate(SessionId id) {
        sessions.put(id, get(id).deactivated());
    }

    public void setDefaultRegion(Region region) {
        this.defaultRegion = Objects.requireNonNull(region, "region");
    }

    /** Sets a setting; the value of {@value #REFRESH_MARGIN_SETTING} must be whole seconds from 0 to 43200. */
    public void putSetting(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (key.equals(REFRESH_MARGIN_SETTING)
                && (!value.matches("[0-9]{1,5}") || Long.parseLong(value) > MAX_REFRESH_MARGIN_SECONDS)) {
            throw new InvalidValueException("invalid " + REFRESH_MARGIN_SETTING + " '" + Text.printable(value)
                    + "'; give a whole number of seconds from 0 to " + MAX_REFRESH_MARGIN_SECONDS);
        }
        settings.put(key, value);
    }

    public void removeSetting(String key) {
        settings.remove(key);
    }

    /** Makes a profile known. Creating one that exists is not an error. */
    public void addProfile(NamedProfile profile) {
        profiles.add(Objects.requireNonNull(profile, "profile"));
    }

    /** Renames a profile, moving every session on it. The {@code default} profile cannot be renamed. */
    public void renameProfile(NamedProfile from, NamedProfile to) {
        requireProfile(from);
        if (from.isDefault()) {
            throw new WorkspaceRuleException("the default profile cannot be renamed");
        }
        if (profiles.contains(to)) {
            throw new WorkspaceRuleException("profile '" + to + "' already exists; pick another name");
        }
        profiles.remove(from);
        profiles.add(to);
        for (Session s : List.copyOf(sessions.values())) {
            if (s.profile().equals(from)) {
                sessions.put(s.id(), s.withProfile(to));
            }
        }
    }

    /** Forgets a profile no session uses. The {@code default} profile cannot be deleted. */
    public void removeProfile(NamedProfile profile) {
        requireProfile(profile);
        if (profile.isDefault()) {
            throw new WorkspaceRuleException("the default profile cannot be deleted");
        }
        List<String> users = sessions.values().stream()
                .filter(s -> s.profile().equals(profile))
                .map(s -> "'" + s.alias() + "'")
                .toList();
        if (!users.isEmpty()) {
            throw new WorkspaceRuleException("profile '" + profile + "' is used by " + String.join(", ", users)
                    + "; move those sessions to another profile first");
        }
        profiles.remove(profile);
    }

    public boolean hasProfile(NamedProfile profile) {
        return profiles.contains(profile);
    }

    private void requireProfile(NamedProfile profile) {
        if (!profiles.contains(profile)) {
            throw new WorkspaceRuleException("no profile named '" + profile + "'; see 'rolehop profile list'");
        }
    }

    private void requireFreeAlias(Alias alias, SessionId owner) {
        for (Session s : sessions.values()) {
            if (s.alias().equals(alias) && !s.id().equals(owner)) {
                throw new WorkspaceRuleException(
                        "a session with alias '" + alias + "' already exists; pick another alias");
            }
        }
    }

    private void requireProfileFreeFor(Session session) {
        if (session.isActive()) {
            activeOn(session.profile())
                    .filter(other -> !other.id().equals(session.id()))
                    .ifPresent(other -> {
                        throw new WorkspaceRuleException("profile '" + session.profile()
                                + "' is in use by active session '" + other.alias() + "'; stop it first");
                    });
        }
    }

    private void requireAssumer(SessionId assumer) {
        if (!sessions.containsKey(assumer)) {
            throw new WorkspaceRuleException("the assumer session " + assumer + " does not exist");
        }
    }

    /** Sessions in an order where each assumer comes before its dependents (used to store the workspace). */
    public List<Session> sessionsRootsFirst() {
        Set<SessionId> placed = new LinkedHashSet<>();
        List<Session> out = new ArrayList<>();
        for (Session root : roots()) {
            out.add(root);
            placed.add(root.id());
            for (Session d : dependents(root.id())) {
                if (placed.add(d.id())) {
                    out.add(d);
                }
            }
        }
        return out;
    }
}
