package io.rolehop.application.service;

import io.rolehop.application.UsageException;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.domain.AccessMethodId;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The access methods available in this process, by id, and which of them are rolehop's own. Duplicates are the
 * loader's business: it rejects them. Only the built-in methods are handed an IAM user's long-term keys as an
 * assumer's credentials; a plugin's method gets a session token instead (see {@link ChainCredentialsResolver}).
 */
public final class AccessMethods {
    private record Loaded(Map<String, AccessMethod> byId, Set<AccessMethod> builtIn) {}

    private final Supplier<Loaded> loaded;

    /** Built-in methods only. */
    /**
     * The display name with its article, as it is read aloud: "an AWS IAM User", "an Okta role", "a Test method"
     * (a name starting with a vowel letter takes "an"; acronyms such as AWS and IAM are read letter by letter).
     */
    public static String withArticle(String displayName) {
        return ("AEIOUaeiou".indexOf(displayName.isEmpty() ? 'x' : displayName.charAt(0)) >= 0 ? "an " : "a ")
                + displayName;
    }

    public AccessMethods(Collection<? extends AccessMethod> builtIn) {
        this(builtIn, List.of());
    }

    public AccessMethods(Collection<? extends AccessMethod> builtIn, Collection<? extends AccessMethod> plugins) {
        Loaded now = load(builtIn, plugins);
        this.loaded = () -> now;
    }

    private AccessMethods(Supplier<Loaded> loaded) {
        this.loaded = loaded;
    }

    /**
     * Methods found only when first asked for, so that a command that never needs one (a profile listing, say)
     * never loads a plugin.
     */
    public static AccessMethods onFirstUse(Supplier<AccessMethods> finder) {
        Objects.requireNonNull(finder, "finder");
        return new AccessMethods(new Supplier<>() {
            private Loaded found;

            @Override
            public synchronized Loaded get() {
                if (found == null) {
                    found = finder.get().loaded.get();
                }
                return found;
            }
        });
    }

    private static Loaded load(Collection<? extends AccessMethod> builtIn, Collection<? extends AccessMethod> plugins) {
        Map<String, AccessMethod> byId = new LinkedHashMap<>();
        for (Collection<? extends AccessMethod> methods : List.of(builtIn, plugins)) {
            for (AccessMethod method : methods) {
                AccessMethodId.of(method.id());
                if (byId.putIfAbsent(method.id(), method) != null) {
                    throw new IllegalArgumentException("two access methods have the id '" + method.id() + "'");
                }
            }
        }
        Set<AccessMethod> own = Collections.newSetFromMap(new IdentityHashMap<>());
        own.addAll(builtIn);
        return new Loaded(Collections.unmodifiableMap(byId), Collections.unmodifiableSet(own));
    }

    public List<AccessMethod> all() {
        return List.copyOf(loaded.get().byId().values());
    }

    public Optional<AccessMethod> find(String id) {
        return Optional.ofNullable(loaded.get().byId().get(id));
    }

    /** Whether {@code method} is one of rolehop's own (and so may be handed an IAM user's long-term keys). */
    public boolean isBuiltIn(AccessMethod method) {
        return loaded.get().builtIn().contains(method);
    }

    /** The method, or a usage error naming the methods that exist. */
    public AccessMethod get(AccessMethodId id) {
        return find(id.value())
                .orElseThrow(() -> new UsageException("no access method '" + id
                        + "' is installed (installed: "
                        + String.join(", ", loaded.get().byId().keySet())
                        + "); if it came from a plugin, put its jar back into the plugins directory"));
    }
}
