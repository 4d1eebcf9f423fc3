package io.rolehop.example.command;

import io.rolehop.application.spi.AccessMethod;
import io.rolehop.spi.testkit.AccessMethodContractTest;
import io.rolehop.spi.testkit.TestCredentialsContext;
import java.util.Map;
import java.util.Optional;

/** The example plugin passes the contract every access method must pass. */
class ExternalCommandContractTest extends AccessMethodContractTest {

    @Override
    protected AccessMethod method() {
        return new ExternalCommandAccessMethod();
    }

    @Override
    protected Map<String, String> validFields() {
        return Map.of("command", ExternalCommandAccessMethodTest.GOOD, "timeout-seconds", "10");
    }

    @Override
    protected Optional<TestCredentialsContext> workingContext() {
        return Optional.of(ExternalCommandAccessMethodTest.context(validFields()));
    }
}
