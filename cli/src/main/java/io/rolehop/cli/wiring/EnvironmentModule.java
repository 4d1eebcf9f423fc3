package io.rolehop.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.env.CliState;
import java.time.Clock;

/** The process environment, the clock and the per-command state. */
public final class EnvironmentModule extends AbstractModule {
    private final CliEnvironment environment;
    private final CliState state;

    public EnvironmentModule(CliEnvironment environment, CliState state) {
        this.environment = environment;
        this.state = state;
    }

    @Provides
    CliEnvironment environment() {
        return environment;
    }

    @Provides
    CliState state() {
        return state;
    }

    @Provides
    @Singleton
    Clock clock() {
        return environment.clock();
    }
}
