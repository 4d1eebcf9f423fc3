package io.rolehop.cli.command;

import io.rolehop.application.port.in.SessionTree;
import io.rolehop.application.port.in.SessionView;
import io.rolehop.domain.Session;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sessions as JSON objects and table rows. Only public attributes exist on a session, so nothing secret shows. */
final class Views {
    static final List<String> HEADERS =
            List.of("ID", "ALIAS", "METHOD", "PROFILE", "REGION", "STATUS", "ASSUMER", "EXPIRES");

    private Views() {}

    static Map<String, Object> json(SessionView view) {
        Session s = view.session();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id().value());
        out.put("alias", s.alias().value());
        out.put("method", s.method().value());
        out.put("methodName", view.methodName());
        out.put("profile", s.profile().name());
        out.put("region", s.region().code());
        out.put("status", s.status().label());
        out.put("assumer", view.assumerAlias().orElse(null));
        out.put("assumerId", s.assumer().map(id -> id.value()).orElse(null));
        out.put("expiration", s.expiration().map(Instant::toString).orElse(null));
        out.put("mode", s.mode().label());
        out.put("attributes", new LinkedHashMap<>(s.attributes()));
        return out;
    }

    /** In credential_process mode tools refresh on their own: a recorded expiry would only mislead. */
    private static String expires(Session s) {
        if (s.isActive() && s.mode() == io.rolehop.domain.DeliveryMode.CREDENTIAL_PROCESS) {
            return "on demand";
        }
        return s.expiration().map(io.rolehop.cli.output.Timestamps::human).orElse("-");
    }

    static Map<String, Object> json(SessionTree tree) {
        Map<String, Object> out = json(tree.session());
        out.put("dependents", tree.dependents().stream().map(Views::json).toList());
        return out;
    }

    static List<String> row(SessionView view) {
        Session s = view.session();
        return List.of(
                s.id().value(),
                s.alias().value(),
                s.method().value(),
                s.profile().name(),
                s.region().code(),
                s.status().label(),
                view.assumerAlias().orElse("-"),
                expires(s));
    }
}
