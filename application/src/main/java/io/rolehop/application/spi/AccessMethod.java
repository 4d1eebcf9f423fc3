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

    /**
     * The version of the method's implementation; by default the version of its module ({@code --module-version},
     * which Maven sets to the project version), else its jar's {@code Implementation-Version}, else "unknown".
     */
    default String version() {
        Module module = getClass().getModule();
        if (module.isNamed() && module.getDescriptor() != null) {
            Optional<String> version = module.getDescriptor().rawVersion();
            if (version.isPresent()) {
                return version.get();
            }
        }
        return Optional.ofNullable(getClass().getPackage().getImplementationVersion())
                .orElse("unknown");
    }

    /**
     * The fields a session of this method needs, in the order they are asked for. Each becomes the option
     * {@code --NAME}, so names must be unique, none may be another's name plus {@code -stdin}, and none may be one
     * of {@link AccessMethodChecks#RESERVED_FIELD_NAMES}; {@link AccessMethodChecks#problemWith} is the check.
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
     * Whether the temporary credentials this method returns are cached in the secret store (an OS keychain or the
     * encrypted file) instead of rolehop's plain credentials cache. Declare it when they are worth more than one
     * hop's credentials: a session token opened with an MFA code, say, lets whoever copies it assume every role
     * chained from the session, without the device, until it expires.
     *
     * <p>For a session of such a method rolehop keeps its cached credentials under the secret-store key
     * {@code session/<id>/.cached-credentials}, serves them from there while they stay valid beyond the refresh
     * margin, and deletes them at {@code session logout}, at an edit that changes how they are obtained, and at
     * delete. The sessions assumed from it keep their own credentials in the plain cache, so a warm chain below it
     * still opens no secret store. Long-term credentials are never cached, whatever this says. Must not depend on
     * anything but the method itself (it is asked before any session field is read); default {@code false}.
     */
    default boolean cacheInSecretStore() {
        return false;
    }

    /**
     * Whether the method keeps secrets of its own for its sessions through {@link CredentialsContext#putSecret} (a
     * refresh token, a device registration). Only a method that declares it may call {@code putSecret}; rolehop then
     * forgets those secrets at {@code session logout} and at an edit that changes how credentials are obtained,
     * which costs a secret-store listing (and may ask for the vault's passphrase) that other methods' sessions are
     * spared. Must not depend on anything but the method itself; default {@code false}.
     */
    default boolean keepsSecrets() {
        return false;
    }

    /**
     * The fields holding the session's own IAM access key, when a session of this method is an IAM user whose key
     * rolehop may rotate ({@code rolehop session rotate-keys}): a new key of the same user is created with the
     * credentials this method returns (long-term keys, or a session token obtained with MFA, as IAM requires for a
     * user whose policies demand MFA), stored in these fields, proved, and the old key deleted. Empty, the default,
     * for every method whose sessions hold no such key. Must not depend on anything but the method itself.
     */
    default Optional<AccessKeyFields> accessKeyFields() {
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
