package io.rolehop.application.port.out;

import java.util.Optional;

/**
 * The secrets Leapp keeps in the OS keychain under the service {@code Leapp}, read-only. Values are secrets: never
 * shown, logged or put in an exception.
 */
public interface LeappKeychain {

    /** Why the keychain cannot be read here, or empty when it can. */
    Optional<String> unavailable();

    /**
     * The secret Leapp stored for {@code account}, or empty when there is none.
     *
     * @throws io.rolehop.application.OperationFailedException when the keychain does not answer
     */
    Optional<String> secret(String account);
}
