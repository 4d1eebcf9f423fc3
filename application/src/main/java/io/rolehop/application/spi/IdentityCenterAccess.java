package io.rolehop.application.spi;

import io.rolehop.domain.Region;
import io.rolehop.domain.TemporaryCredentials;

/**
 * IAM Identity Center as an access method sees it: role credentials for an account and role, with the token of the
 * start URL's login (renewed with its refresh token when it expired).
 */
public interface IdentityCenterAccess {
    /** The id of the access method whose sessions are IAM Identity Center roles. */
    String METHOD_ID = "aws-sso";
    /** Its fields, as {@code session add aws-sso} and the workspace name them. */
    String START_URL = "start-url";

    String SSO_REGION = "sso-region";
    String ACCOUNT_ID = "account-id";
    String ROLE_NAME = "role-name";

    /**
     * The credentials of {@code roleName} in {@code accountId} for the user logged in at {@code startUrl}.
     *
     * @throws io.rolehop.application.InteractionRequiredException when there is no valid login to use, naming the
     *     {@code rolehop sso login} command to run
     */
    TemporaryCredentials roleCredentials(String startUrl, Region ssoRegion, String accountId, String roleName);
}
