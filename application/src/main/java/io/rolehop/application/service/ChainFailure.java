package io.rolehop.application.service;

import io.rolehop.application.port.out.StsException;
import io.rolehop.application.spi.AccessKeyFields;
import io.rolehop.domain.Session;
import io.rolehop.domain.Workspace;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An STS failure somewhere in a chain, told as the user needs it: which session's credentials were at fault, the chain
 * it broke (root first) and, when the fault is an IAM user's keys, the command that sets them again with that
 * session's name in it (see docs/cli-reference.md, "Errors in a chain").
 */
final class ChainFailure extends StsException {
    private static final long serialVersionUID = 1L;
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9._@+=:/-]+");

    private ChainFailure(Reason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }

    /**
     * {@code failure} told for {@code target}'s chain; {@code atFault} is the session whose credentials signed the
     * failing call; {@code keys} its method's key fields when those credentials were its long-term keys.
     */
    static StsException of(
            StsException failure,
            Workspace workspace,
            Session target,
            Session atFault,
            Optional<AccessKeyFields> keys) {
        if (failure instanceof ChainFailure) {
            return failure;
        }
        String chain = workspace.chainOf(target.id()).hops().stream()
                .map(s -> s.alias().value())
                .collect(Collectors.joining(" > "));
        String where = chain.contains(" > ")
                ? "session '" + atFault.alias() + "' in the chain " + chain + " of '" + target.alias() + "': "
                : "session '" + atFault.alias() + "': ";
        String fix = "";
        if (failure.reason() == Reason.INVALID_CREDENTIALS && keys.isPresent()) {
            fix = "; set the keys of '" + atFault.alias() + "' again with 'rolehop session edit " + name(atFault)
                    + " --" + keys.get().accessKeyId() + " ID --" + keys.get().secretAccessKey() + "-stdin'";
        }
        return new ChainFailure(failure.reason(), where + failure.getMessage() + fix, failure);
    }

    private static String name(Session session) {
        return SHELL_SAFE.matcher(session.alias().value()).matches()
                ? session.alias().value()
                : session.id().value();
    }
}
