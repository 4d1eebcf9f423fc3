package io.rolehop.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.rolehop.application.port.out.WebBrowser;
import io.rolehop.cli.browser.CommandLineBrowser;
import io.rolehop.cli.env.CliEnvironment;
import java.util.Locale;

/** The web browser, one for {@code sso login} and {@code console} (docs/user-guide/console.md#which-browser). */
public final class BrowserModule extends AbstractModule {

    @Provides
    @Singleton
    WebBrowser webBrowser(CliEnvironment env) {
        boolean macOs =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");
        return new CommandLineBrowser(env.env(), env.rolehopHome(), macOs);
    }
}
