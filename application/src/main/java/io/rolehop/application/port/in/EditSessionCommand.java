package io.rolehop.application.port.in;

import io.rolehop.domain.Alias;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.SessionRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * @param session the session to change, by alias or id
 * @param fields changed field values by name; an empty string clears an optional field
 * @param force whether a foreign section may be replaced when the edit re-applies an active session
 * @param mode how the session hands credentials out from now on; empty keeps its mode
 */
public record EditSessionCommand(
        SessionRef session,
        Optional<Alias> alias,
        Optional<NamedProfile> profile,
        Optional<Region> region,
        Optional<SessionRef> assumer,
        Map<String, String> fields,
        boolean force,
        Optional<DeliveryMode> mode) {

    public EditSessionCommand {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(assumer, "assumer");
        Objects.requireNonNull(mode, "mode");
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
    }

    /** Keeping the session's mode. */
    public EditSessionCommand(
            SessionRef session,
            Optional<Alias> alias,
            Optional<NamedProfile> profile,
            Optional<Region> region,
            Optional<SessionRef> assumer,
            Map<String, String> fields,
            boolean force) {
        this(session, alias, profile, region, assumer, fields, force, Optional.empty());
    }

    @Override
    public String toString() {
        return "EditSessionCommand[session=" + session + ", fields=" + fields.keySet() + "]";
    }
}
