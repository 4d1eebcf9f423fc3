package io.rolehop.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.rolehop.adapters.aws.FederationConsoleSignIn;
import io.rolehop.adapters.aws.StsSecurityTokenService;
import io.rolehop.application.port.out.ConsoleSignIn;
import io.rolehop.application.port.out.FederationTokenService;
import io.rolehop.application.port.out.WebBrowser;
import io.rolehop.cli.browser.CommandLineBrowser;
import io.rolehop.cli.env.CliEnvironment;
import java.util.Locale;

/** The web console: STS federation tokens, the federation endpoint and the browser. */
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

    @Provides
    @Singleton
    WebBrowser webBrowser(CliEnvironment env) {
        boolean macOs =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");
        return new CommandLineBrowser(env.env(), env.rolehopHome(), macOs);
    }
}
