package io.rolehop.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.rolehop.adapters.aws.IamAccessKeyManager;
import io.rolehop.adapters.aws.SdkIdentityCenter;
import io.rolehop.adapters.aws.SdkKnownRegions;
import io.rolehop.adapters.aws.StsSecurityTokenService;
import io.rolehop.application.port.out.AccessKeyManager;
import io.rolehop.application.port.out.IdentityCenter;
import io.rolehop.application.port.out.KnownRegions;
import io.rolehop.application.port.out.SecurityTokenService;
import io.rolehop.cli.env.CliEnvironment;

/** STS, and the IAM user's own access keys, on the AWS SDK. */
public final class AwsModule extends AbstractModule {

    @Provides
    @Singleton
    SecurityTokenService securityTokenService(CliEnvironment env) {
        return new StsSecurityTokenService(env.env());
    }

    @Provides
    @Singleton
    KnownRegions knownRegions() {
        return new SdkKnownRegions();
    }

    @Provides
    @Singleton
    AccessKeyManager accessKeyManager(CliEnvironment env) {
        return new IamAccessKeyManager(env.env());
    }

    @Provides
    @Singleton
    IdentityCenter identityCenter(CliEnvironment env) {
        return new SdkIdentityCenter(env.env());
    }
}
