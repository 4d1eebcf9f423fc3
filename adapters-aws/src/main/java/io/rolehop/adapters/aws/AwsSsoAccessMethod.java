package io.rolehop.adapters.aws;

import io.rolehop.application.UsageException;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.CredentialsContext;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.application.spi.FieldValidator;
import io.rolehop.application.spi.IdentityCenterAccess;
import io.rolehop.domain.AccountId;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.Region;
import io.rolehop.domain.StartUrl;
import io.rolehop.domain.Text;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "AWS IAM Identity Center": the credentials of a role in an account, given to the user logged in at a start URL
 * ({@code rolehop sso login}). A session of it is a chain root; its credentials are cached like any hop's, so a
 * warm chain makes no portal call (see docs/user-guide/aws-sso.md).
 */
public final class AwsSsoAccessMethod implements AccessMethod {
    /** The method's id. */
    public static final String ID = IdentityCenterAccess.METHOD_ID;

    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.required(
                    IdentityCenterAccess.START_URL,
                    "the AWS access portal URL, e.g." + " https://my-org.awsapps.com/start",
                    FieldValidator.parsing(StartUrl::new)),
            FieldSpec.required(
                    IdentityCenterAccess.SSO_REGION,
                    "the region of the IAM Identity Center instance",
                    FieldValidator.parsing(Region::of)),
            FieldSpec.required(
                    IdentityCenterAccess.ACCOUNT_ID,
                    "the 12-digit id of the account",
                    FieldValidator.parsing(AccountId::new)),
            FieldSpec.required(
                    IdentityCenterAccess.ROLE_NAME,
                    "the name of the role (permission set) in the account",
                    value -> ROLE_NAME.matcher(value).matches()
                            ? Optional.empty()
                            : Optional.of("invalid role name '" + Text.printable(value) + "'; use 1 to 64 letters,"
                                    + " digits and +=,.@_-")));

    /** Stateless; ServiceLoader creates it. */
    public AwsSsoAccessMethod() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "AWS IAM Identity Center";
    }

    @Override
    public String description() {
        return "A role given through IAM Identity Center (AWS SSO), after 'rolehop sso login'; the root of any chain.";
    }

    @Override
    public List<FieldSpec> fields() {
        return FIELDS;
    }

    @Override
    public AwsCredentials credentials(CredentialsContext context) {
        return context.identityCenter()
                .roleCredentials(
                        required(context, IdentityCenterAccess.START_URL),
                        Region.of(required(context, IdentityCenterAccess.SSO_REGION)),
                        required(context, IdentityCenterAccess.ACCOUNT_ID),
                        required(context, IdentityCenterAccess.ROLE_NAME));
    }

    private static String required(CredentialsContext context, String field) {
        return context.field(field)
                .orElseThrow(
                        () -> new UsageException("session '" + context.session().alias()
                                + "' has no " + field + "; set one with 'rolehop session edit "
                                + Sessions.shellWord(context.session().alias()) + " --" + field + " VALUE'"));
    }

    @Override
    public String toString() {
        return ID;
    }
}
