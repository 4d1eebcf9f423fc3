package io.rolehop.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.rolehop.application.service.AccessMethods;
import io.rolehop.cli.plugin.AccessMethodLoader;
import java.util.List;

/** The access methods found by the plugin loader. */
public final class AccessMethodsModule extends AbstractModule {
    private final List<AccessMethodLoader.Found> found;

    public AccessMethodsModule(List<AccessMethodLoader.Found> found) {
        this.found = List.copyOf(found);
    }

    @Provides
    @Singleton
    AccessMethods accessMethods() {
        return new AccessMethods(found.stream().map(AccessMethodLoader.Found::method).toList());
    }

    @Provides
    List<AccessMethodLoader.Found> found() {
        return found;
    }
}
