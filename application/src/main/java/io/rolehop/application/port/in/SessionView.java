package io.rolehop.application.port.in;

import io.rolehop.domain.Session;
import java.util.Optional;

/** A session as shown to users, with its assumer's alias resolved and its method's display name. */
public record SessionView(Session session, String methodName, Optional<String> assumerAlias) {}
