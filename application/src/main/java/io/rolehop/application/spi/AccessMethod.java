package io.rolehop.application.spi;

import io.rolehop.domain.AwsCredentials;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A way of obtaining AWS credentials for a session: an IAM user's keys, a role assumed from another session, a
 * corporate tool, ...
 *
 * <p>rolehop builds the {@code session add <id>} options and prompts from {@link #fields()}, stores the values
 * (non-secret ones in the workspace, the others in the secret store), and calls {@link #credentials} whenever the
 * session's credentials are needed and no cached ones serve. Instances are created once per process through a public
 * no-argument constructor and must be thread-safe and stateless: all state lives in the context.
 *
 * <p>Methods with defaults may be added in later versions of this interface; a plugin compiled against an older
 * version keeps working.
 */
public interface AccessMethod {

    /**
     * The stable id of the method, used in the workspace and on the command line: 2 to 64 lower-case letters, digits
     * and '-', e.g. {@code aws-iam-role-chained}. Two methods with the same id cannot be loaded together.
     */
    String id();

    /** A short human name, e.g. "AWS IAM Role Chained". */
    String displayName();

    /** One or two sentences for {@code rolehop plugins list} and help texts. */
    default String description() {
        return displayName();
    }

    /** The version of the method's implementation; by default the jar's {@code Implementation-Version}. */
    default String version() {
        return Optional.ofNullable(getClass().getPackage().getImplementationVersion()).orElse("unknown");
    }

    /**
     * The fields a session of this method needs, in the order they are asked for. Names must be unique, distinct
     * from rolehop's own options ({@code alias}, {@code profile}, {@code region}, {@code assumer}, {@code force},
     * {@code output}) and of the form {@code [a-z][a-z0-9-]*}; each becomes the option {@code --NAME}.
     */
    List<FieldSpec> fields();

    /**
     * Whether a session of this method takes its caller credentials from another session (its assumer). Such a
     * session can sit anywhere below the root of a chain; one that does not is always a root.
     */
    default boolean requiresAssumer() {
        return false;
    }

    /**
     * Checks the fields together, after each passed its own validator, at add and at edit.
     *
     * @param values every field value known for the session, secret ones included (never show them)
     * @param assumerRequiresAssumer when the session has an assumer, whether that assumer is itself assumed from
     *     another session, so that its credentials will be temporary
     * @return a one-line problem description, or empty when the combination is valid
     */
    default Optional<String> validate(Map<String, String> values, Optional<Boolean> assumerRequiresAssumer) {
        return Optional.empty();
    }

    /**
     * Obtains credentials for the session of the context. Called only when no cached credentials of this session
     * serve; temporary credentials returned are cached by rolehop until near their expiry. Long-term credentials (an
     * IAM user's keys) are never handed to tools as they are: rolehop exchanges them for a session token first.
     *
     * @throws io.rolehop.application.ApplicationException (or a subclass) with a user-fit message on failure; any
     *     other exception is reported as a failure of the method
     */
    AwsCredentials credentials(CredentialsContext context);
}
