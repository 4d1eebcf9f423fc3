package io.rolehop.adapters.filesystem;

import io.rolehop.domain.Text;
import java.util.Objects;
import java.util.regex.Pattern;

/** The {@code SecretStore} port's rule for keys, shared by every backend here. */
final class SecretStoreKeys {
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,256}");

    private SecretStoreKeys() {}

    /** Refuses a key the port does not allow: 1 to 256 printable ASCII characters without white space. */
    static void require(String key) {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("invalid secret key '" + Text.printable(key)
                    + "': use 1 to 256 printable ASCII characters without white space");
        }
    }
}
