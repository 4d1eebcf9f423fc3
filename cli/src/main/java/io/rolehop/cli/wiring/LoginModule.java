package io.rolehop.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.rolehop.adapters.filesystem.AwsCliSsoTokenCache;
import io.rolehop.application.port.out.AwsCliTokenCache;
import io.rolehop.application.port.out.LoginCallback;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.login.LoopbackLoginCallback;

/**
 * What IAM Identity Center logins need besides the browser ({@link BrowserModule}): a loopback listener for its
 * answer, the AWS CLI's token cache.
 */
public final class LoginModule extends AbstractModule {

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
