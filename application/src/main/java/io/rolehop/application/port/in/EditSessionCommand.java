package io.rolehop.application.port.in;

import io.rolehop.domain.Alias;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * @param session alias or id of the session to change
 * @param fields changed field values by name; an empty string clears an optional field
 * @param force whether a foreign section may be replaced when the edit re-applies an active session
 * @param mode how the session hands credentials out from now on; empty keeps its mode
 */
public record EditSessionCommand(
        String session,
        Optional<Alias> alias,
        Optional<NamedProfile> profile,
        Optional<Region> region,
        Optional<String> assumer,
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
    public EditSessionCommand(String session, Optional<Alias> alias, Optional<NamedProfile> profile,
            Optional<Region> region, Optional<String> assumer, Map<String, String> fields, boolean force) {
        this(session, alias, profile, region, assumer, fields, force, Optional.empty());
    }

    @Override
    public String toString() {
        return "EditSessionCommand[session=" + session + ", fields=" + fields.keySet() + "]";
    }
}
