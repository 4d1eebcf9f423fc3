package io.rolehop.application.service;

import io.rolehop.application.port.out.IdentityCenter;
import io.rolehop.application.port.out.IdentityCenterException;
import io.rolehop.application.port.out.Pause;
import io.rolehop.application.spi.IdentityCenterAccess;
import io.rolehop.domain.Region;
import io.rolehop.domain.TemporaryCredentials;
import java.time.Duration;

/**
 * Role credentials for the {@code aws-sso} method: the start URL's kept login (renewed silently), one
 * {@code GetRoleCredentials} call, retried with backoff when the portal throttles. A token the portal no longer
 * accepts is renewed once with the refresh token.
 */
public final class IdentityCenterRoles implements IdentityCenterAccess {
    private final SsoTokens tokens;
    private final IdentityCenter identityCenter;
    private final Pause pause;

    public IdentityCenterRoles(SsoTokens tokens, IdentityCenter identityCenter, Pause pause) {
        this.tokens = tokens;
        this.identityCenter = identityCenter;
        this.pause = pause;
    }

    @Override
    public TemporaryCredentials roleCredentials(String startUrl, Region ssoRegion, String accountId, String roleName) {
        PortalPacing pacing = new PortalPacing(pause, Duration.ZERO);
        String token = tokens.accessToken(startUrl, ssoRegion);
        try {
            return pacing.call(() -> identityCenter.roleCredentials(ssoRegion, token, accountId, roleName));
        } catch (IdentityCenterException e) {
            if (e.reason() != IdentityCenterException.Reason.UNAUTHORIZED) {
                throw forbidden(e, startUrl, accountId, roleName);
            }
            SsoTokens.Login login = tokens.load(startUrl)
                    .orElseThrow(() -> SsoTokens.loginNeeded(startUrl, ssoRegion, "there is no login"));
            String renewed = tokens.refreshed(startUrl, login).accessToken();
            try {
                return pacing.call(() -> identityCenter.roleCredentials(ssoRegion, renewed, accountId, roleName));
            } catch (IdentityCenterException again) {
                if (again.reason() == IdentityCenterException.Reason.UNAUTHORIZED) {
                    throw SsoTokens.loginNeeded(startUrl, ssoRegion, "the portal refused the login");
                }
                throw forbidden(again, startUrl, accountId, roleName);
            }
        }
    }

    private static IdentityCenterException forbidden(
            IdentityCenterException e, String startUrl, String accountId, String roleName) {
        if (e.reason() == IdentityCenterException.Reason.FORBIDDEN) {
            return new IdentityCenterException(
                    e.reason(),
                    "IAM Identity Center at " + startUrl + " gives you no role "
                            + roleName + " in account " + accountId
                            + "; check the session's --account-id and --role-name"
                            + " ('rolehop sso sync' lists what you may use)",
                    e);
        }
        return e;
    }
}
