package io.rolehop.cli.output;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Timestamps as people read them: second precision, in the local time zone ({@code TZ}), the zone named
 * ({@code 2026-12-06 08:12:33 CET}). JSON output keeps full ISO-8601 UTC instead (see docs/cli-reference.md,
 * "Output").
 */
public final class Timestamps {
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    private Timestamps() {}

    /** {@code instant} for a human, in the JVM's default zone (taken from {@code TZ}). */
    public static String human(Instant instant) {
        return human(instant, ZoneId.systemDefault());
    }

    /** {@code instant} for a human in {@code zone}. */
    public static String human(Instant instant, ZoneId zone) {
        return HUMAN.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }
}
