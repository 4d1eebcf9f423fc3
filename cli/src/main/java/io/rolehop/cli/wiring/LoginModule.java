package io.rolehop.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.rolehop.application.port.out.LoginBrowser;
import io.rolehop.application.port.out.LoginCallback;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.login.LoopbackLoginCallback;
import io.rolehop.cli.login.ProcessLoginBrowser;

/** What a browser login needs: a browser to open, and a loopback listener for its answer. */
public final class LoginModule extends AbstractModule {

    @Provides
    LoginBrowser browser(CliEnvironment env) {
        return new ProcessLoginBrowser(env.env());
    }

    @Provides
    LoginCallback callback() {
        return new LoopbackLoginCallback();
    }
}
