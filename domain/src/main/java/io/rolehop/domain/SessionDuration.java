package io.rolehop.domain;

import java.time.Duration;

/**
 * How long an assumed-role session asks to live, in seconds: 900 to 43200, as STS allows.
 *
 * <p>AWS caps a role assumed with temporary credentials (role chaining) at one hour; {@link #checkFor} applies that
 * rule and names the cap instead of changing the value silently.
 */
public record SessionDuration(int seconds) {
    public static final int MINIMUM = 900;
    public static final int MAXIMUM = 43_200;
    public static final int CHAINED_MAXIMUM = 3_600;
    public static final SessionDuration DEFAULT = new SessionDuration(3_600);

    public SessionDuration {
        if (seconds < MINIMUM || seconds > MAXIMUM) {
            throw new InvalidValueException("invalid duration " + seconds + " s; STS accepts " + MINIMUM + " to "
                    + MAXIMUM + " seconds (" + CHAINED_MAXIMUM + " at most when the assumer is itself a role)");
        }
    }

    /** Parses a number of seconds, with a clear error for anything else. */
    public static SessionDuration parse(String text) {
        Text.require(text, "duration");
        String trimmed = text.strip();
        if (!trimmed.matches("[0-9]{1,9}")) {
            throw new InvalidValueException("invalid duration '" + Text.printable(text)
                    + "'; give a whole number of seconds from " + MINIMUM + " to " + MAXIMUM);
        }
        return new SessionDuration(Integer.parseInt(trimmed));
    }

    /** The longest duration a caller may ask for: one hour for temporary (chained) callers, else twelve. */
    public static int capFor(boolean callerIsTemporary) {
        return callerIsTemporary ? CHAINED_MAXIMUM : MAXIMUM;
    }

    /**
     * This duration, checked against the cap for the caller.
     *
     * @throws InvalidValueException naming the cap when the duration exceeds it
     */
    public SessionDuration checkFor(boolean callerIsTemporary) {
        int cap = capFor(callerIsTemporary);
        if (seconds > cap) {
            throw new InvalidValueException("duration " + seconds + " s exceeds the cap of " + cap
                    + " s for a role assumed with temporary credentials (AWS role chaining); use --duration " + cap
                    + " or less");
        }
        return this;
    }

    public Duration toDuration() {
        return Duration.ofSeconds(seconds);
    }
}
