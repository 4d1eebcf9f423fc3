package io.rolehop.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.rolehop.adapters.aws.StsSecurityTokenService;
import io.rolehop.application.port.out.SecurityTokenService;
import io.rolehop.cli.env.CliEnvironment;

/** STS on the AWS SDK. */
public final class AwsModule extends AbstractModule {

    @Provides
    @Singleton
    SecurityTokenService securityTokenService(CliEnvironment env) {
        return new StsSecurityTokenService(env.env());
    }
}
