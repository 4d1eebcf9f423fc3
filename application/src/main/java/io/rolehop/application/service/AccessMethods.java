package io.rolehop.application.service;

import io.rolehop.application.UsageException;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.domain.AccessMethodId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The access methods available in this process, by id. Duplicates are the loader's business: it rejects them. */
public final class AccessMethods {
    private final Map<String, AccessMethod> byId = new LinkedHashMap<>();

    public AccessMethods(Collection<? extends AccessMethod> methods) {
        for (AccessMethod method : methods) {
            AccessMethodId.of(method.id());
            if (byId.putIfAbsent(method.id(), method) != null) {
                throw new IllegalArgumentException("two access methods have the id '" + method.id() + "'");
            }
        }
    }

    public List<AccessMethod> all() {
        return List.copyOf(byId.values());
    }

    public Optional<AccessMethod> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The method, or a usage error naming the methods that exist. */
    public AccessMethod get(AccessMethodId id) {
        return find(id.value()).orElseThrow(() -> new UsageException("no access method '" + id
                + "' is installed (installed: " + String.join(", ", byId.keySet())
                + "); if it came from a plugin, put its jar back into the plugins directory"));
    }
}
