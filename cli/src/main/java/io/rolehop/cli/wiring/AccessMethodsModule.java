package io.rolehop.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.rolehop.application.service.AccessMethods;
import io.rolehop.cli.plugin.AccessMethodLoader;
import java.util.List;
import java.util.function.Supplier;

/**
 * The access methods found by the plugin loader, looked for only when a use case first asks for a method: a command
 * that needs none (a profile listing) never loads a plugin.
 */
public final class AccessMethodsModule extends AbstractModule {
    private final Supplier<List<AccessMethodLoader.Found>> found;

    public AccessMethodsModule(Supplier<List<AccessMethodLoader.Found>> found) {
        this.found = found;
    }

    @Provides
    @Singleton
    AccessMethods accessMethods() {
        return AccessMethods.onFirstUse(() -> {
            List<AccessMethodLoader.Found> all = found.get();
            return new AccessMethods(
                    all.stream()
                            .filter(AccessMethodLoader.Found::builtIn)
                            .map(AccessMethodLoader.Found::method)
                            .toList(),
                    all.stream()
                            .filter(f -> !f.builtIn())
                            .map(AccessMethodLoader.Found::method)
                            .toList());
        });
    }
}
