package io.rolehop.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.testing.MotoServer.IamUser;
import io.rolehop.testing.StsProxy.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fixtures themselves, against a real moto_server: the budget, the signer, the proxy and the CLI runner. */
class MotoFixturesTest {

    private static AwsQuery.Signer signer(IamUser user) {
        return new AwsQuery.Signer(user.accessKeyId(), user.secretAccessKey(), Optional.empty());
    }

    private static AwsQuery.Response callerIdentity(URI endpoint, AwsQuery.Signer signer) {
        return AwsQuery.call(endpoint, "sts", "2011-06-15", "GetCallerIdentity", Map.of(), signer);
    }

    @Test
    void spendsTheNoAuthBudgetOnTheAdministratorAndEnforcesAuthAfterwards() {
        try (MotoServer moto = new MotoServer().start()) {
            IamUser admin = moto.admin();
            assertEquals("arn:aws:iam::123456789012:user/rolehop-admin", admin.arn());

            IllegalStateException unsigned = assertThrows(
                    IllegalStateException.class,
                    () -> callerIdentity(
                            moto.endpoint(),
                            new AwsQuery.Signer("AKIAIOSFODNN7EXAMPLE", "anything", Optional.empty())));
            assertTrue(unsigned.getMessage().contains("InvalidClientTokenId"), unsigned::getMessage);

            IllegalStateException wrongSecret = assertThrows(
                    IllegalStateException.class,
                    () -> callerIdentity(
                            moto.endpoint(), new AwsQuery.Signer(admin.accessKeyId(), "wrong", Optional.empty())));
            assertTrue(wrongSecret.getMessage().contains("SignatureDoesNotMatch"), wrongSecret::getMessage);

            IamUser dave = moto.createUser("dave");
            assertEquals("arn:aws:iam::123456789012:user/dave", moto.callerIdentity(dave.credentials()));
            assertFalse(dave.toString().contains(dave.secretAccessKey()));
        }
    }

    @Test
    void stopsMotoAndItsProcessTreeOnClose() throws IOException {
        MotoServer moto = new MotoServer().start();
        URI endpoint = moto.endpoint();
        long before = ProcessHandle.current().descendants().count();
        assertTrue(before > 0);

        moto.close();

        assertEquals(
                0,
                ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .count());
        HttpURLConnection connection =
                (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
        connection.setConnectTimeout(1_000);
        assertThrows(IOException.class, connection::getResponseCode);
        assertThrows(IllegalStateException.class, moto::endpoint);
    }

    @Test
    void theProxyForwardsSignedRequestsCountsThemAndInjectsFaults() {
        try (MotoServer moto = new MotoServer().start();
                StsProxy proxy = StsProxy.start(moto.endpoint())) {
            AwsQuery.Signer admin = signer(moto.admin());

            assertEquals(
                    moto.admin().arn(), callerIdentity(proxy.endpoint(), admin).require("Arn"));

            proxy.failNext(1, Fault.status(503)).failNext(1, Fault.throttling());
            IllegalStateException unavailable =
                    assertThrows(IllegalStateException.class, () -> callerIdentity(proxy.endpoint(), admin));
            assertTrue(unavailable.getMessage().contains("HTTP 503 ServiceUnavailable"), unavailable::getMessage);
            IllegalStateException throttled =
                    assertThrows(IllegalStateException.class, () -> callerIdentity(proxy.endpoint(), admin));
            assertTrue(throttled.getMessage().contains("HTTP 400 Throttling"), throttled::getMessage);
            assertEquals(0, proxy.pendingFaults());

            proxy.failNext(1, Fault.closeConnection());
            assertThrows(UncheckedIOException.class, () -> callerIdentity(proxy.endpoint(), admin));

            assertEquals(4, proxy.count("GetCallerIdentity"));
            assertEquals(4, proxy.total());
            assertEquals(
                    List.of("2011-06-15"),
                    proxy.parameters("GetCallerIdentity").stream()
                            .map(p -> p.get("Version"))
                            .distinct()
                            .toList());

            proxy.failNext(3, Fault.throttling());
            proxy.reset();
            assertEquals(0, proxy.total());
            assertEquals(0, proxy.pendingFaults());
            assertEquals(
                    moto.admin().arn(), callerIdentity(proxy.endpoint(), admin).require("Arn"));
        }
    }

    @Test
    void findsToolsOnThePathAndFailsLoudlyForMissingOnes() {
        assertTrue(Executables.find("aws").isPresent());
        assertTrue(Executables.find("moto_server").isPresent());
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> Executables.require("no-such-tool-rolehop", "install it somehow"));
        assertTrue(e.getMessage().startsWith("'no-such-tool-rolehop' is not on PATH"), e::getMessage);
        assertTrue(e.getMessage().endsWith("install it somehow"), e::getMessage);
    }

    @Test
    void runsTheAwsCliAndReportsItsExitCodeAndOutput() {
        AwsCli.Result version = new AwsCli(Map.of()).run("--version");
        assertEquals(0, version.exitCode(), version::stderr);
        assertTrue((version.stdout() + version.stderr()).contains("aws-cli/"), version::toString);

        AwsCli.Result bad = new AwsCli(Map.of()).run("no-such-command");
        assertFalse(bad.succeeded());
        assertThrows(AssertionError.class, bad::requireSuccess);
    }
}
