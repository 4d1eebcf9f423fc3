package io.rolehop.application.port.out;

import java.util.List;
import java.util.Optional;

/**
 * Keeps secrets (long-term keys, MFA session tokens) out of every plain file.
 *
 * <p>Keys are printable ASCII without white space, at most 256 characters, conventionally
 * {@code session/<id>/<field>}. Values are any string. Implementations never log or show values; their exceptions
 * ({@link io.rolehop.application.OperationFailedException}, or
 * {@link io.rolehop.application.InteractionRequiredException} when a passphrase is needed and cannot be asked for)
 * never contain one.
 */
public interface SecretStore {

    Optional<String> get(String key);

    /** Stores or overwrites the value of {@code key}. */
    void put(String key, String value);

    /** Removes {@code key}; returns whether it was present. */
    boolean delete(String key);

    /** The keys starting with {@code prefix}, sorted. */
    List<String> keys(String prefix);

    /** A short name of the backend, e.g. {@code encrypted-file}. */
    String name();
}
