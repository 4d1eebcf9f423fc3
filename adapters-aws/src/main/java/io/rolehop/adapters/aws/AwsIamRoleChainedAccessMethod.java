package io.rolehop.adapters.aws;

import io.rolehop.application.UsageException;
import io.rolehop.application.port.out.AssumeRoleRequest;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.CredentialsContext;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.application.spi.FieldValidator;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.InvalidValueException;
import io.rolehop.domain.RoleArn;
import io.rolehop.domain.RoleSessionName;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionDuration;
import io.rolehop.domain.Text;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "AWS IAM Role Chained": a role assumed with the credentials of another session, its assumer, which may itself be
 * chained to any depth.
 *
 * <p>AWS caps a role assumed with temporary credentials at one hour; a longer {@code duration} is refused with the cap
 * named, at add and edit when the assumer is known to be chained, and at start whenever the assumer's credentials
 * turn out temporary. The duration is never shortened silently.
 */
public final class AwsIamRoleChainedAccessMethod implements AccessMethod {
    /** The method's id. */
    public static final String ID = "aws-iam-role-chained";

    static final String ROLE_ARN = "role-arn";
    static final String ROLE_SESSION_NAME = "role-session-name";
    static final String EXTERNAL_ID = "external-id";
    static final String SOURCE_IDENTITY = "source-identity";
    static final String DURATION = "duration";

    private static final Pattern EXTERNAL_ID_PATTERN = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern SOURCE_IDENTITY_PATTERN = Pattern.compile("[\\w+=,.@-]{2,64}");

    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.required(
                    ROLE_ARN,
                    "the ARN of the role to assume, e.g. arn:aws:iam::123456789012:role/NAME",
                    FieldValidator.parsing(RoleArn::new)),
            FieldSpec.optional(
                    ROLE_SESSION_NAME,
                    "the name of the role session as CloudTrail shows it; by default"
                            + " rolehop- and the session alias",
                    FieldValidator.parsing(RoleSessionName::new)),
            FieldSpec.optional(
                    EXTERNAL_ID,
                    "the external id the role's trust policy asks for, if any",
                    pattern(
                            EXTERNAL_ID_PATTERN,
                            "external id",
                            "2 to 1224 characters of letters, digits and" + " +=,.@:/_-")),
            FieldSpec.optional(
                    SOURCE_IDENTITY,
                    "the source identity to stamp on the role session, if any",
                    pattern(
                            SOURCE_IDENTITY_PATTERN,
                            "source identity",
                            "2 to 64 characters of letters, digits" + " and +=,.@_-")),
            FieldSpec.optional(
                            DURATION,
                            "seconds the role session lasts, " + SessionDuration.MINIMUM + " to "
                                    + SessionDuration.MAXIMUM + "; at most " + SessionDuration.CHAINED_MAXIMUM
                                    + " when the assumer"
                                    + " is itself a role",
                            FieldValidator.parsing(SessionDuration::parse))
                    .withDefault(String.valueOf(SessionDuration.DEFAULT.seconds())));

    /** Stateless; ServiceLoader creates it. */
    public AwsIamRoleChainedAccessMethod() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "AWS IAM Role Chained";
    }

    @Override
    public String description() {
        return "A role assumed with the credentials of another session (its assumer), to any depth of chaining.";
    }

    @Override
    public List<FieldSpec> fields() {
        return FIELDS;
    }

    @Override
    public boolean requiresAssumer() {
        return true;
    }

    @Override
    public Optional<String> validate(Map<String, String> values, Optional<Boolean> assumerRequiresAssumer) {
        String duration = values.get(DURATION);
        if (duration == null || !assumerRequiresAssumer.orElse(false)) {
            return Optional.empty();
        }
        try {
            SessionDuration.parse(duration).checkFor(true);
            return Optional.empty();
        } catch (InvalidValueException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public AwsCredentials credentials(CredentialsContext context) {
        Session session = context.session();
        String alias = Sessions.shellWord(session.alias());
        RoleArn roleArn = RoleArn.of(context.field(ROLE_ARN)
                .orElseThrow(() -> new UsageException("session '"
                        + session.alias() + "' has no role ARN; set one with 'rolehop session edit " + alias
                        + " --role-arn ARN'")));
        if (roleArn.partition() != session.region().partition()) {
            throw new UsageException("session '" + session.alias() + "' assumes role " + roleArn + " of partition "
                    + roleArn.partition().id() + " from region " + session.region() + " of partition "
                    + session.region().partition().id() + "; set a region of the role's partition with 'rolehop"
                    + " session edit " + alias + " --region REGION'");
        }
        RoleSessionName sessionName = context.field(ROLE_SESSION_NAME)
                .map(RoleSessionName::of)
                .orElseGet(() -> RoleSessionName.derivedFrom(session.alias()));
        SessionDuration duration =
                context.field(DURATION).map(SessionDuration::parse).orElse(SessionDuration.DEFAULT);
        AwsCredentials caller = context.assumerCredentials();
        duration.checkFor(caller.isTemporary());
        return context.sts()
                .assumeRole(new AssumeRoleRequest(
                        caller,
                        session.region(),
                        roleArn,
                        sessionName,
                        duration,
                        context.field(EXTERNAL_ID),
                        context.field(SOURCE_IDENTITY),
                        Optional.empty()));
    }

    private static FieldValidator pattern(Pattern pattern, String what, String expected) {
        return value -> pattern.matcher(value).matches()
                ? Optional.empty()
                : Optional.of("invalid " + what + " '" + Text.printable(value) + "'; use " + expected);
    }

    @Override
    public String toString() {
        return ID;
    }
}
