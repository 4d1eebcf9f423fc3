package io.rolehop.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.rolehop.adapters.filesystem.AwsCliSsoTokenCache;
import io.rolehop.application.port.out.AwsCliTokenCache;
import io.rolehop.application.port.out.LoginBrowser;
import io.rolehop.application.port.out.LoginCallback;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.login.LoopbackLoginCallback;
import io.rolehop.cli.login.ProcessLoginBrowser;

/**
 * What IAM Identity Center logins need: a browser to open, a loopback listener for its answer, the AWS CLI's token
 * cache.
 */
public final class LoginModule extends AbstractModule {

    @Provides
    LoginBrowser browser(CliEnvironment env) {
        return new ProcessLoginBrowser(env.env());
    }

    @Provides
    LoginCallback callback() {
        return new LoopbackLoginCallback();
    }

    /** The AWS CLI v2's token cache under the home directory. */
    @Provides
    AwsCliTokenCache awsCliTokenCache(CliEnvironment env) {
        return new AwsCliSsoTokenCache(env.home());
    }
}
