package io.rolehop.domain;

import java.util.Arrays;
import java.util.Locale;

/**
 * How an active session hands credentials to tools: keys written to the credentials file, or a
 * {@code credential_process} line in the config file that asks rolehop each time.
 */
public enum DeliveryMode {
    FILE("file"),
    CREDENTIAL_PROCESS("credential-process");

    private final String label;

    DeliveryMode(String label) {
        this.label = label;
    }

    /** The name used on the command line and in the workspace file. */
    public String label() {
        return label;
    }

    public static DeliveryMode parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(m -> m.label.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException(
                        "unknown mode '" + Text.printable(text) + "'; use file or credential-process"));
    }
}
