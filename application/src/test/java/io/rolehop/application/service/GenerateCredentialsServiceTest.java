package io.rolehop.application.service;

import static io.rolehop.application.service.Fixture.roleIdentity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.domain.UnknownSessionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerateCredentialsServiceTest {
    private final Fixture f = new Fixture();

    @Test
    void coldGenerateResolvesTheChainWithoutWritingAnyFileOrTheWorkspace() {
        f.chainUserR1R2R3();
        int saves = f.store.saves();

        TemporaryCredentials credentials = f.generate.generate("r3");

        assertEquals(roleIdentity("r3", "r3"), f.sts.identityOf(credentials));
        assertEquals(List.of("r1", "r2", "r3"), f.assumedRoles());
        assertEquals(0, f.credentialsFile.writes());
        assertEquals(Map.of(), f.configFile.sections());
        assertEquals(saves, f.store.saves());
    }

    @Test
    void warmGenerateReturnsTheCachedCredentialsWithoutCallingSts() {
        f.chainUserR1R2R3();
        f.start("r3");
        TemporaryCredentials written = f.written("r3").orElseThrow();

        f.clock.advance(Duration.ofMinutes(30));
        TemporaryCredentials generated = f.generate.generate("r3");

        assertEquals(written, generated);
        assertEquals(3, f.sts.calls());
    }

    @Test
    void generateNearExpiryRefreshesOnlyTheHopsThatNeedIt() {
        f.chainUserR1R2R3();
        TemporaryCredentials first = f.generate.generate("r3");

        f.clock.advance(Duration.ofMinutes(46));
        TemporaryCredentials second = f.generate.generate("r3");

        assertNotEquals(first.accessKeyId(), second.accessKeyId());
        assertTrue(second.expiration().isAfter(first.expiration()));
        assertEquals(List.of("r1", "r2", "r3", "r3"), f.assumedRoles(), "r2's credentials still sign r3's call");
        assertTrue(second.validBeyond(f.clock.instant(), Duration.ofMinutes(15)));
    }

    @Test
    void rootUserIsExchangedForASessionTokenAndItsKeysAreNeverHandedOut() {
        f.addUser("user");

        TemporaryCredentials generated = f.generate.generate("user");

        assertNotEquals(Fixture.USER_KEY_ID, generated.accessKeyId());
        assertNotEquals(Fixture.USER_SECRET, generated.secretAccessKey());
        assertEquals("user:" + Fixture.USER_KEY_ID, f.sts.identityOf(generated));
        assertEquals(1, f.sts.sessionTokenCalls().size());
        assertEquals(Duration.ofHours(1), f.sts.sessionTokenCalls().get(0).duration());
    }

    @Test
    void rootUserSessionTokenIsReusedWhileValid() {
        f.addUser("user");
        TemporaryCredentials first = f.generate.generate("user");
        f.clock.advance(Duration.ofMinutes(44));

        assertEquals(first, f.generate.generate("user"));
        assertEquals(1, f.sts.calls());

        f.clock.advance(Duration.ofMinutes(1));
        assertNotEquals(first, f.generate.generate("user"));
        assertEquals(2, f.sts.sessionTokenCalls().size());
    }

    @Test
    void unknownSessionIsRefused() {
        assertThrows(UnknownSessionException.class, () -> f.generate.generate("ghost"));
    }
}
