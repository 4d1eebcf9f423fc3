package io.rolehop.application.port.out;

import java.util.Optional;

/**
 * Where MFA codes come from: a code given on the command line, a configured command (for hardware tokens), or a
 * prompt on the controlling terminal. Returns empty when no source is available; the caller then fails with exit 3.
 */
public interface MfaCodeProvider {

    /**
     * A code for {@code deviceSerial}, asked on behalf of the session with alias {@code sessionAlias}.
     *
     * @param mfaCommand a command configured on the session whose standard output is the code, if any
     */
    Optional<String> code(String sessionAlias, String deviceSerial, Optional<String> mfaCommand);
}
