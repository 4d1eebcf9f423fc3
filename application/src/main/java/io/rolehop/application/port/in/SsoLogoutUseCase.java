package io.rolehop.application.port.in;

import io.rolehop.domain.Session;
import java.util.List;

/** Ends the IAM Identity Center login of a start URL. */
public interface SsoLogoutUseCase {

    /**
     * Signs the token out at the portal ({@code Logout}), forgets the kept login and the cached credentials of every
     * session of the start URL and of the sessions assumed from them.
     *
     * @return the sessions whose credentials were forgotten
     */
    List<Session> logout(String startUrl);
}
