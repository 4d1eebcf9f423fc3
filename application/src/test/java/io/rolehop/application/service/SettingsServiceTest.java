package io.rolehop.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rolehop.application.UsageException;
import io.rolehop.domain.InvalidValueException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsServiceTest {
    private final Fixture f = new Fixture();
    private final SettingsService settings = new SettingsService(f.store);

    @Test
    void listShowsDefaultsUntilSet() {
        assertEquals(
                Map.of(
                        "default-mode",
                        "file",
                        "refresh-margin-seconds",
                        "900",
                        "secret-store",
                        "auto",
                        "console-browser-context",
                        "plain",
                        "sso-token-cache",
                        "read"),
                settings.list());
    }

    @Test
    void refreshMarginIsStoredNormalisedAndUsedByTheWorkspace() {
        settings.set("refresh-margin-seconds", " 0120 ");

        assertEquals(Duration.ofMinutes(2), f.workspace().refreshMargin());
        assertEquals("120", settings.list().get("refresh-margin-seconds"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"59", "43201", "15m", "", "-60"})
    void refreshMarginOutOfRangeIsRefused(String value) {
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> settings.set("refresh-margin-seconds", value));
        assertEquals(
                "invalid refresh-margin-seconds '" + value + "'; give a whole number of seconds from 60 to 43200",
                e.getMessage());
        assertEquals(0, f.store.saves());
    }

    @Test
    void defaultModeIsStoredByItsLabel() {
        settings.set("default-mode", " Credential-Process ");
        assertEquals("credential-process", settings.list().get("default-mode"));
    }

    @Test
    void unknownSettingIsAUsageErrorNamingTheKnownOnes() {
        UsageException e = assertThrows(UsageException.class, () -> settings.set("colour", "blue"));
        assertEquals(
                "unknown setting 'colour'; known settings: console-browser-context, default-mode,"
                        + " refresh-margin-seconds, secret-store, sso-token-cache",
                e.getMessage());
        assertThrows(UsageException.class, () -> settings.unset("colour"));
    }

    @Test
    void unsetReturnsToTheDefault() {
        settings.set("refresh-margin-seconds", "300");
        settings.unset("refresh-margin-seconds");
        assertEquals(Duration.ofMinutes(15), f.workspace().refreshMargin());
    }

    @Test
    void secretStoreNamesAKnownBackend() {
        settings.set("secret-store", " Secret-Service ");
        assertEquals("secret-service", settings.list().get("secret-store"));
        assertEquals(java.util.Optional.of("secret-service"), f.workspace().setting("secret-store"));

        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> settings.set("secret-store", "vault"));
        assertEquals(
                "invalid secret-store 'vault'; give one of secret-service, keychain, pass, encrypted-file, or unset it to"
                        + " let rolehop detect one. This only says where rolehop looks: move the secrets with 'rolehop secrets"
                        + " migrate --to BACKEND'",
                e.getMessage());

        settings.unset("secret-store");
        assertEquals("auto", settings.list().get("secret-store"));
    }
}
