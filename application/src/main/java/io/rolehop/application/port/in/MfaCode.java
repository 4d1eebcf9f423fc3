package io.rolehop.application.port.in;

import java.util.Objects;

/**
 * A one-time code of an MFA device that a user gave with a command ({@code --mfa-code}). It serves the first
 * request for a code while that command runs; a second device in the same chain needs its own source (the
 * session's {@code mfa-command}, {@code ROLEHOP_MFA_COMMAND} or the terminal). Its text never appears in
 * {@link #toString()}.
 *
 * @param value the code, surrounding white space removed
 */
public record MfaCode(String value) {

    public MfaCode {
        Objects.requireNonNull(value, "value");
        value = value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("an MFA code cannot be empty");
        }
    }

    @Override
    public String toString() {
        return "MfaCode[***]";
    }
}
