package io.rolehop.cli.env;

import java.util.Optional;

/**
 * Options of the running command that adapters need: an MFA code given with {@code --mfa-code}, and whether the
 * command may prompt on the terminal at all (the daemon may not: it runs unattended, and holds no terminal's user).
 */
public final class CliState {
    private volatile Optional<String> mfaCode = Optional.empty();
    private volatile boolean promptsAllowed = true;

    public boolean promptsAllowed() {
        return promptsAllowed;
    }

    public void setPromptsAllowed(boolean allowed) {
        this.promptsAllowed = allowed;
    }

    public Optional<String> mfaCode() {
        return mfaCode;
    }

    public void setMfaCode(Optional<String> code) {
        this.mfaCode = code;
    }
}
