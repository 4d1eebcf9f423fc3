package io.rolehop.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.port.out.FederationTokenRequest;
import io.rolehop.application.port.out.StsException;
import io.rolehop.domain.LongTermCredentials;
import io.rolehop.domain.Region;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.testing.MotoServer;
import io.rolehop.testing.MotoServer.IamUser;
import io.rolehop.testing.StsProxy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GetFederationToken} on the SDK against moto_server with signatures and identity policies enforced: the call
 * is signed with the user's long-term keys and carries the name, policy and duration asked for; a user whose
 * policies do not allow it, and a wrong secret, are refused in one line without a secret.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationTokenTest {
    private static final Region REGION = Region.of(MotoServer.REGION);
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
            + "\"*\",\"Resource\":\"*\"}]}";

    @RegisterExtension
    final MotoServer moto = new MotoServer();

    @RegisterExtension
    final StsProxy proxy = new StsProxy(moto);

    private StsSecurityTokenService sts;

    @BeforeAll
    void setUp() {
        sts = new StsSecurityTokenService(proxy.env());
    }

    @AfterAll
    void tearDown() {
        sts.close();
    }

    private static FederationTokenRequest request(LongTermCredentials keys) {
        return new FederationTokenRequest(keys, REGION, "fed-user", POLICY, Duration.ofHours(1));
    }

    @Test
    void aUserGetsAFederationTokenSignedWithItsKeys() {
        IamUser user = moto.createUser("federating");

        TemporaryCredentials token = sts.getFederationToken(request(user.credentials()));

        assertNotEquals(user.accessKeyId(), token.accessKeyId());
        assertFalse(token.sessionToken().isBlank());
        Map<String, String> sent = proxy.parameters("GetFederationToken").get(0);
        assertEquals("fed-user", sent.get("Name"));
        assertEquals(POLICY, sent.get("Policy"));
        assertEquals("3600", sent.get("DurationSeconds"));
    }

    @Test
    void aUserNotAllowedToFederateIsRefused() {
        IamUser user = moto.createUser(
                "not-federating",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                        + "\"Allow\",\"Action\":\"sts:GetCallerIdentity\",\"Resource\":\"*\"}]}");

        StsException e = assertThrows(StsException.class, () -> sts.getFederationToken(request(user.credentials())));

        assertEquals(StsException.Reason.ACCESS_DENIED, e.reason(), e::getMessage);
        assertTrue(e.getMessage().contains("federation token"), e.getMessage());
        assertFalse(e.getMessage().contains(user.secretAccessKey()));
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aWrongSecretIsRefused() {
        IamUser user = moto.createUser("wrong-secret");
        LongTermCredentials wrong = new LongTermCredentials(
                user.accessKeyId(), "x" + user.secretAccessKey().substring(1));

        StsException e = assertThrows(StsException.class, () -> sts.getFederationToken(request(wrong)));

        assertEquals(StsException.Reason.INVALID_CREDENTIALS, e.reason(), e::getMessage);
        assertFalse(e.getMessage().contains(wrong.secretAccessKey()));
    }
}
