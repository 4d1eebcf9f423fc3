package io.rolehop.application.port.in;

import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * @param method the access method's id
 * @param alias the new session's alias
 * @param profile the named profile; when empty {@code default} if no session uses it yet, else one named after the
 *     alias
 * @param region the region, the workspace default when empty
 * @param assumer alias or id of the assumer session, for methods that need one
 * @param fields the method's field values by field name, secrets included
 */
public record AddSessionCommand(
        AccessMethodId method,
        Alias alias,
        Optional<NamedProfile> profile,
        Optional<Region> region,
        Optional<String> assumer,
        Map<String, String> fields) {

    public AddSessionCommand {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(assumer, "assumer");
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
    }

    @Override
    public String toString() {
        return "AddSessionCommand[method=" + method + ", alias=" + alias + ", fields=" + fields.keySet() + "]";
    }
}
