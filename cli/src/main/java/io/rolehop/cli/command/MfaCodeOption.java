package io.rolehop.cli.command;

import io.rolehop.application.port.in.MfaCode;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --mfa-code} option of the commands that may call STS with the chain root's MFA device. */
final class MfaCodeOption {
    @Option(names = "--mfa-code", paramLabel = "CODE", description = "The current code of the chain root's MFA device.")
    String code;

    /** The code given, for the command's record; empty when none was. */
    Optional<MfaCode> code() {
        return Optional.ofNullable(code).filter(c -> !c.isBlank()).map(MfaCode::new);
    }
}
