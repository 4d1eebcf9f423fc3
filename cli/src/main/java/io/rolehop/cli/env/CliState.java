package io.rolehop.cli.env;

/**
 * What the running command tells adapters: whether it may prompt on the terminal at all (the daemon may not: it runs
 * unattended, and holds no terminal's user).
 */
public final class CliState {
    private volatile boolean promptsAllowed = true;

    public boolean promptsAllowed() {
        return promptsAllowed;
    }

    public void setPromptsAllowed(boolean allowed) {
        this.promptsAllowed = allowed;
    }
}
