package io.rolehop.adapters.aws;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.out.MfaToken;
import io.rolehop.application.port.out.SessionTokenRequest;
import io.rolehop.application.spi.AccessKeyFields;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.CredentialsContext;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.application.spi.FieldSpec.Sensitivity;
import io.rolehop.application.spi.FieldValidator;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.LongTermCredentials;
import io.rolehop.domain.Session;
import io.rolehop.domain.Text;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "AWS IAM User": the long-term access key of an IAM user, optionally with an MFA device.
 *
 * <p>Without MFA the method returns the keys themselves; rolehop exchanges them for a session token before handing
 * anything to tools, and a role assumed directly with them may last up to twelve hours. With an MFA device it asks
 * for one code and calls {@code GetSessionToken}; rolehop caches the result, so a whole chain built on this user
 * prompts once per {@code mfa-session-duration}. That session token is cached in the secret store, not in the plain
 * cache ({@link #cacheInSecretStore()}): whoever holds it can assume every role chained from the user without the
 * device. The code comes from {@code --mfa-code}, else the session's {@code mfa-command} (or
 * {@code ROLEHOP_MFA_COMMAND}), whose standard output is the code, else a prompt on the terminal.
 */
public final class AwsIamUserAccessMethod implements AccessMethod {
    /** The method's id. */
    public static final String ID = "aws-iam-user";

    static final String ACCESS_KEY_ID = "access-key-id";
    static final String SECRET_ACCESS_KEY = "secret-access-key";
    static final String MFA_DEVICE = "mfa-device";
    static final String MFA_SESSION_DURATION = "mfa-session-duration";
    static final String MFA_COMMAND = "mfa-command";
    static final int MFA_COMMAND_MAXIMUM = 1000;
    static final int MFA_SESSION_MINIMUM = 900;
    static final int MFA_SESSION_MAXIMUM = 129_600;
    static final int MFA_SESSION_DEFAULT = 43_200;

    private static final Pattern ACCESS_KEY_ID_PATTERN = Pattern.compile("[A-Z0-9]{16,128}");
    private static final Pattern MFA_ARN =
            Pattern.compile("arn:(aws|aws-cn|aws-us-gov):iam::[0-9]{12}:mfa/[\\w+=,.@-]+(/[\\w+=,.@-]+)*");
    private static final Pattern MFA_SERIAL = Pattern.compile("[\\w+=/:,.@-]{9,256}");

    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.required(
                            ACCESS_KEY_ID,
                            "the access key id of the IAM user, e.g. AKIAIOSFODNN7EXAMPLE",
                            AwsIamUserAccessMethod::accessKeyIdProblem)
                    .withSensitivity(Sensitivity.CONFIDENTIAL),
            FieldSpec.required(
                            SECRET_ACCESS_KEY,
                            "the secret access key of the IAM user (read from stdin or asked" + " without echo)",
                            AwsIamUserAccessMethod::secretProblem)
                    .withSensitivity(Sensitivity.SECRET),
            FieldSpec.optional(
                    MFA_DEVICE,
                    "the ARN of the user's MFA device (arn:aws:iam::ACCOUNT:mfa/NAME) or a"
                            + " hardware token's serial number",
                    AwsIamUserAccessMethod::mfaDeviceProblem),
            FieldSpec.optional(
                            MFA_SESSION_DURATION,
                            "seconds an MFA session lasts before the next code is asked" + " for, "
                                    + MFA_SESSION_MINIMUM + " to " + MFA_SESSION_MAXIMUM,
                            FieldValidator.parsing(AwsIamUserAccessMethod::parseMfaSessionDuration))
                    .withDefault(String.valueOf(MFA_SESSION_DEFAULT)),
            FieldSpec.optional(
                    MFA_COMMAND,
                    "a shell command printing the current MFA code, for hardware tokens,"
                            + " e.g. 'ykman oath accounts code -s AWS'; run with ROLEHOP_MFA_DEVICE and ROLEHOP_SESSION set",
                    AwsIamUserAccessMethod::mfaCommandProblem));

    /** Stateless; ServiceLoader creates it. */
    public AwsIamUserAccessMethod() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "AWS IAM User";
    }

    @Override
    public String description() {
        return "The access key of an IAM user, kept in the secret store; with an MFA device, one code opens a"
                + " session token that the whole chain above it reuses.";
    }

    @Override
    public List<FieldSpec> fields() {
        return FIELDS;
    }

    @Override
    public boolean requiresAssumer() {
        return false;
    }

    /** The MFA session token opens every role chained from the user: it goes to the secret store. */
    @Override
    public boolean cacheInSecretStore() {
        return true;
    }

    /** The user's own key: {@code rolehop session rotate-keys} replaces it. */
    @Override
    public Optional<AccessKeyFields> accessKeyFields() {
        return Optional.of(new AccessKeyFields(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }

    @Override
    public AwsCredentials credentials(CredentialsContext context) {
        Session session = context.session();
        String alias = Sessions.shellWord(session.alias());
        String accessKeyId = context.field(ACCESS_KEY_ID)
                .orElseThrow(() -> new OperationFailedException("the access key id of session '" + session.alias()
                        + "' is missing from the secret store; set it" + " again with 'rolehop session edit " + alias
                        + " --access-key-id ID'"));
        String secret = context.field(SECRET_ACCESS_KEY)
                .orElseThrow(() -> new OperationFailedException("the secret access key of session '" + session.alias()
                        + "' is missing from the secret store; set" + " it again with 'rolehop session edit " + alias
                        + " --secret-access-key-stdin'"));
        LongTermCredentials keys = new LongTermCredentials(accessKeyId, secret);
        Optional<String> device = context.field(MFA_DEVICE).map(String::strip).filter(d -> !d.isEmpty());
        if (device.isEmpty()) {
            return keys;
        }
        Duration lifetime = Duration.ofSeconds(context.field(MFA_SESSION_DURATION)
                .map(value -> {
                    try {
                        return parseMfaSessionDuration(value);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("session '" + session.alias() + "': " + e.getMessage()
                                + "; correct it with 'rolehop session edit " + alias + " --" + MFA_SESSION_DURATION
                                + " SECONDS'");
                    }
                })
                .orElse(MFA_SESSION_DEFAULT));
        MfaToken token =
                new MfaToken(device.get(), context.mfaCode(device.get()).strip());
        return context.sts()
                .getSessionToken(new SessionTokenRequest(keys, session.region(), lifetime, Optional.of(token)));
    }

    private static Optional<String> accessKeyIdProblem(String value) {
        if (ACCESS_KEY_ID_PATTERN.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of("invalid access key id '" + Text.printable(value)
                + "'; expected 16 to 128 upper-case letters and digits, such as AKIAIOSFODNN7EXAMPLE");
    }

    /** Never quotes the value: it is a secret. */
    private static Optional<String> secretProblem(String value) {
        if (value.isEmpty()) {
            return Optional.of("the secret access key must not be empty");
        }
        boolean blankOrControl = value.codePoints()
                .anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c));
        return blankOrControl
                ? Optional.of("the secret access key contains white space or a control character; paste it without"
                        + " surrounding spaces or line breaks")
                : Optional.empty();
    }

    private static Optional<String> mfaDeviceProblem(String value) {
        boolean valid = value.startsWith("arn:")
                ? MFA_ARN.matcher(value).matches()
                : MFA_SERIAL.matcher(value).matches();
        if (valid) {
            return Optional.empty();
        }
        return Optional.of("invalid MFA device '" + Text.printable(value) + "'; expected the device ARN,"
                + " arn:aws:iam::123456789012:mfa/NAME, or a hardware token's serial number (9 to 256 characters of"
                + " letters, digits and +=/:,.@_-)");
    }

    /** One line of shell: the command is run with {@code sh -c}, and its stdout is the code. */
    private static Optional<String> mfaCommandProblem(String value) {
        if (value.isBlank()) {
            return Optional.of("the MFA command is empty; give a shell command that prints the current code");
        }
        boolean oneLine =
                value.codePoints().noneMatch(c -> Character.isISOControl(c) && c != '\t' || c == 0x2028 || c == 0x2029);
        if (!oneLine || value.length() > MFA_COMMAND_MAXIMUM) {
            return Optional.of("the MFA command must be one line of at most " + MFA_COMMAND_MAXIMUM
                    + " characters without control characters, such as 'ykman oath accounts code -s AWS'");
        }
        return Optional.empty();
    }

    private static int parseMfaSessionDuration(String value) {
        String trimmed = value.strip();
        if (trimmed.matches("[0-9]{1,9}")) {
            int seconds = Integer.parseInt(trimmed);
            if (seconds >= MFA_SESSION_MINIMUM && seconds <= MFA_SESSION_MAXIMUM) {
                return seconds;
            }
        }
        throw new IllegalArgumentException("invalid MFA session duration '" + Text.printable(value)
                + "'; give a whole number of seconds from " + MFA_SESSION_MINIMUM + " to " + MFA_SESSION_MAXIMUM
                + " (36 hours)");
    }

    @Override
    public String toString() {
        return ID;
    }
}
