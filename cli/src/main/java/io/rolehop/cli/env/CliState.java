package io.rolehop.cli.env;

import java.util.Optional;

/** Options of the running command that adapters need: an MFA code given with {@code --mfa-code}. */
public final class CliState {
    private volatile Optional<String> mfaCode = Optional.empty();

    public Optional<String> mfaCode() {
        return mfaCode;
    }

    public void setMfaCode(Optional<String> code) {
        this.mfaCode = code;
    }
}
