package io.rolehop.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionDurationTest {

    @Test
    void limitsAreThoseOfSts() {
        assertEquals(900, new SessionDuration(900).seconds());
        assertEquals(43_200, new SessionDuration(43_200).seconds());
        assertEquals(3_600, SessionDuration.DEFAULT.seconds());
    }

    @ParameterizedTest
    @ValueSource(ints = {899, 43_201, 0, -900})
    void outsideTheLimitsIsRefusedNamingThem(int seconds) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new SessionDuration(seconds));
        assertEquals(
                "invalid duration " + seconds + " s; STS accepts 900 to 43200 seconds"
                        + " (3600 at most when the assumer is itself a role)",
                e.getMessage());
    }

    @Test
    void parseReadsWholeSeconds() {
        assertEquals(new SessionDuration(3600), SessionDuration.parse("3600"));
        assertEquals(new SessionDuration(900), SessionDuration.parse(" 900\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1h", "3600s", "-900", "+900", "36 00", "1e3", "3600.0", "1234567890"})
    void parseRefusesAnythingButDigits(String text) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> SessionDuration.parse(text));
        assertEquals(
                "invalid duration '" + Text.printable(text) + "'; give a whole number of seconds from 900 to 43200",
                e.getMessage());
    }

    @Test
    void parseOfANumberOutOfRangeNamesTheLimits() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> SessionDuration.parse("999999999"));
        assertTrue(e.getMessage().startsWith("invalid duration 999999999 s; STS accepts 900 to 43200"), e.getMessage());
    }

    @Test
    void parseOfNullIsRequired() {
        assertEquals(
                "duration is required",
                assertThrows(InvalidValueException.class, () -> SessionDuration.parse(null))
                        .getMessage());
    }

    @Test
    void capIsOneHourForTemporaryCallersAndTwelveOtherwise() {
        assertEquals(3_600, SessionDuration.capFor(true));
        assertEquals(43_200, SessionDuration.capFor(false));
    }

    @Test
    void checkForATemporaryCallerAcceptsUpToOneHour() {
        SessionDuration hour = new SessionDuration(3600);
        assertSame(hour, hour.checkFor(true));
    }

    @Test
    void checkForATemporaryCallerRefusesMoreThanOneHourNamingTheCap() {
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> new SessionDuration(3601).checkFor(true));
        assertEquals(
                "duration 3601 s exceeds the cap of 3600 s for a role assumed with temporary credentials"
                        + " (AWS role chaining); use --duration 3600 or less",
                e.getMessage());
    }

    @Test
    void checkForALongTermCallerAcceptsTwelveHours() {
        SessionDuration twelveHours = new SessionDuration(43_200);
        assertSame(twelveHours, twelveHours.checkFor(false));
    }

    @Test
    void toDurationIsInSeconds() {
        assertEquals(Duration.ofMinutes(15), new SessionDuration(900).toDuration());
    }
}
