package io.rolehop.application.port.out;

import io.rolehop.domain.InvalidValueException;
import java.util.Objects;

/** An MFA device serial number (or ARN) and the one-time code it shows: six digits. */
public record MfaToken(String serialNumber, String code) {

    public MfaToken {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(code, "code");
        if (!code.matches("[0-9]{6}")) {
            throw new InvalidValueException("an MFA code is six digits");
        }
    }

    @Override
    public String toString() {
        return "MfaToken[serialNumber=" + serialNumber + ", code=******]";
    }
}
