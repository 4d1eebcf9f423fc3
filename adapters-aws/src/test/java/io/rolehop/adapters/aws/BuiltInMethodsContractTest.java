package io.rolehop.adapters.aws;

import io.rolehop.application.fakes.FakeSecurityTokenService;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.domain.LongTermCredentials;
import io.rolehop.spi.testkit.AccessMethodContractTest;
import io.rolehop.spi.testkit.TestCredentialsContext;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;

/** The built-in methods pass the same contract as any third-party plugin. */
class BuiltInMethodsContractTest {
    private static final Clock CLOCK = Clock.systemUTC();

    @Nested
    class IamUser extends AccessMethodContractTest {
        @Override
        protected AccessMethod method() {
            return new AwsIamUserAccessMethod();
        }

        @Override
        protected Map<String, String> validFields() {
            return Map.of(
                    "access-key-id",
                    "AKIAIOSFODNN7EXAMPLE",
                    "secret-access-key",
                    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        }

        @Override
        protected Optional<TestCredentialsContext> workingContext() {
            return Optional.of(new TestCredentialsContext(
                    method().id(),
                    validFields(),
                    Optional.empty(),
                    new FakeSecurityTokenService(CLOCK),
                    Optional.empty(),
                    CLOCK));
        }
    }

    @Nested
    class IamRoleChained extends AccessMethodContractTest {
        @Override
        protected AccessMethod method() {
            return new AwsIamRoleChainedAccessMethod();
        }

        @Override
        protected Map<String, String> validFields() {
            return Map.of("role-arn", "arn:aws:iam::123456789012:role/deploy", "duration", "3600");
        }

        @Override
        protected Optional<TestCredentialsContext> workingContext() {
            return Optional.of(new TestCredentialsContext(
                    method().id(),
                    validFields(),
                    Optional.of(new LongTermCredentials(
                            "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")),
                    new FakeSecurityTokenService(CLOCK),
                    Optional.empty(),
                    CLOCK));
        }
    }

    /** Its credentials come from IAM Identity Center, which SsoEndToEndTest (cli) drives through the emulator. */
    @Nested
    class AwsSso extends AccessMethodContractTest {
        @Override
        protected AccessMethod method() {
            return new AwsSsoAccessMethod();
        }

        @Override
        protected Map<String, String> validFields() {
            return Map.of(
                    "start-url",
                    "https://my-org.awsapps.com/start",
                    "sso-region",
                    "eu-west-1",
                    "account-id",
                    "123456789012",
                    "role-name",
                    "AdministratorAccess");
        }
    }
}
