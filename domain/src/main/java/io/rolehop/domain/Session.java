package io.rolehop.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A session of the workspace: who it is (id, alias), how it gets credentials (access method and its non-secret
 * attributes, optional assumer), where they go (named profile, region), and its state (status, expiry of the
 * credentials last handed out, how they are handed out). Immutable: the {@code with...} methods return changed copies.
 */
public record Session(
        SessionId id,
        Alias alias,
        AccessMethodId method,
        NamedProfile profile,
        Region region,
        SessionStatus status,
        Optional<SessionId> assumer,
        Map<String, String> attributes,
        Optional<Instant> expiration,
        DeliveryMode mode) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(assumer, "assumer");
        Objects.requireNonNull(expiration, "expiration");
        Objects.requireNonNull(mode, "mode");
        // Sorted and unmodifiable (Map.copyOf would lose the order): listings and JSON show attributes by name.
        TreeMap<String, String> sorted = new TreeMap<>(Objects.requireNonNull(attributes, "attributes"));
        sorted.forEach((k, v) -> Objects.requireNonNull(v, "attribute " + k));
        attributes = java.util.Collections.unmodifiableSortedMap(sorted);
        if (assumer.filter(id::equals).isPresent()) {
            throw new WorkspaceRuleException("session '" + alias + "' cannot be its own assumer");
        }
    }

    /** A new, inactive session. */
    public static Session create(
            Alias alias,
            AccessMethodId method,
            NamedProfile profile,
            Region region,
            Optional<SessionId> assumer,
            Map<String, String> attributes) {
        return new Session(
                SessionId.random(),
                alias,
                method,
                profile,
                region,
                SessionStatus.INACTIVE,
                assumer,
                attributes,
                Optional.empty(),
                DeliveryMode.FILE);
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public boolean isActive() {
        return status == SessionStatus.ACTIVE;
    }

    public Session withAlias(Alias value) {
        return new Session(id, value, method, profile, region, status, assumer, attributes, expiration, mode);
    }

    public Session withProfile(NamedProfile value) {
        return new Session(id, alias, method, value, region, status, assumer, attributes, expiration, mode);
    }

    public Session withRegion(Region value) {
        return new Session(id, alias, method, profile, value, status, assumer, attributes, expiration, mode);
    }

    public Session withAssumer(Optional<SessionId> value) {
        return new Session(id, alias, method, profile, region, status, value, attributes, expiration, mode);
    }

    public Session withAttributes(Map<String, String> value) {
        return new Session(id, alias, method, profile, region, status, assumer, value, expiration, mode);
    }

    /** Handing credentials out by {@code value} from its next start on; a session keeps its mode until told otherwise. */
    public Session withMode(DeliveryMode value) {
        return new Session(id, alias, method, profile, region, status, assumer, attributes, expiration, value);
    }

    /** Active until {@code until}, handing credentials out by {@code how}. */
    public Session activated(Instant until, DeliveryMode how) {
        return new Session(
                id, alias, method, profile, region, SessionStatus.ACTIVE, assumer, attributes, Optional.of(until), how);
    }

    public Session pending() {
        return new Session(
                id, alias, method, profile, region, SessionStatus.PENDING, assumer, attributes, expiration, mode);
    }

    public Session deactivated() {
        return new Session(
                id,
                alias,
                method,
                profile,
                region,
                SessionStatus.INACTIVE,
                assumer,
                attributes,
                Optional.empty(),
                mode);
    }
}
