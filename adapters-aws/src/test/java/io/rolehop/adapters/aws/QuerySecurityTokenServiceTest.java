package io.rolehop.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.port.out.SecurityTokenService;
import io.rolehop.application.port.out.StsException;
import io.rolehop.application.port.out.StsException.Reason;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.testing.MotoServer;
import io.rolehop.testing.StsProxy.Fault;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The STS adapter without the SDK: the same contract, and one attempt only when asked for. */
class QuerySecurityTokenServiceTest extends SecurityTokenServiceContractTest {
    private static final int ATTEMPTS = 4;

    @Override
    SecurityTokenService create(Map<String, String> env, Duration connectTimeout, Duration readTimeout) {
        return new QuerySecurityTokenService(env, connectTimeout, readTimeout, ATTEMPTS, Clock.systemUTC());
    }

    @Override
    int maxAttempts() {
        return ATTEMPTS;
    }

    @Test
    void withOneAttemptAThrottledCallFailsAtOnce() {
        QuerySecurityTokenService once = new QuerySecurityTokenService(
                proxy.env(), Duration.ofSeconds(5), Duration.ofSeconds(20), 1, Clock.systemUTC());
        proxy.failNext(1, Fault.throttling());

        StsException e =
                assertThrows(StsException.class, () -> once.assumeRole(assume(alice.credentials(), role1, "once")));

        assertEquals(Reason.THROTTLED, e.reason(), e::getMessage);
        assertEquals(1, proxy.count("AssumeRole"));
        assertNoSecretIn(e.getMessage(), alice.credentials());
    }

    @Test
    void anAnswerWithoutCredentialsIsAnErrorNamingTheEndpoint() {
        StsCall call =
                StsCall.assumeRole(URI.create("http://127.0.0.1:1"), alice.credentials(), role1, Optional.empty());

        StsException e = assertThrows(
                StsException.class,
                () -> QuerySecurityTokenService.credentials(
                        "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAX</AccessKeyId>"
                                + "</Credentials></AssumeRoleResult></AssumeRoleResponse>",
                        call));

        assertTrue(e.getMessage().contains("without complete credentials"), e::getMessage);
        assertTrue(e.getMessage().contains("http://127.0.0.1:1"), e::getMessage);
    }

    @Test
    void readsCredentialsWithEntitiesAndFractionalSeconds() {
        StsCall call =
                StsCall.assumeRole(URI.create("http://127.0.0.1:1"), alice.credentials(), role1, Optional.empty());

        TemporaryCredentials c = QuerySecurityTokenService.credentials(
                "<AssumeRoleResponse><AssumeRoleResult>"
                        + "<Credentials><AccessKeyId>ASIAEXAMPLE00000000</AccessKeyId><SecretAccessKey>a&amp;b/c+d</SecretAccessKey>"
                        + "<SessionToken>tok&lt;en=</SessionToken><Expiration>2030-01-02T03:04:05.678Z</Expiration>"
                        + "</Credentials></AssumeRoleResult></AssumeRoleResponse>",
                call);

        assertEquals("ASIAEXAMPLE00000000", c.accessKeyId());
        assertEquals("a&b/c+d", c.secretAccessKey());
        assertEquals("tok<en=", c.sessionToken());
        assertEquals(Instant.parse("2030-01-02T03:04:05.678Z"), c.expiration());
        assertEquals(MotoServer.REGION, REGION.code());
    }
}
