package io.rolehop.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.rolehop.adapters.aws.FederationConsoleSignIn;
import io.rolehop.adapters.aws.StsSecurityTokenService;
import io.rolehop.application.port.out.ConsoleSignIn;
import io.rolehop.application.port.out.FederationTokenService;
import io.rolehop.cli.env.CliEnvironment;

/** The web console: STS federation tokens and the federation endpoint (the browser is {@link BrowserModule}'s). */
public final class ConsoleModule extends AbstractModule {

    @Provides
    @Singleton
    FederationTokenService federationTokenService(CliEnvironment env) {
        return new StsSecurityTokenService(env.env());
    }

    @Provides
    @Singleton
    ConsoleSignIn consoleSignIn(CliEnvironment env) {
        return new FederationConsoleSignIn(env.env());
    }
}
