package io.rolehop.application.port.out;

import io.rolehop.domain.Alias;
import io.rolehop.domain.SessionId;
import java.util.Locale;
import java.util.Objects;

/**
 * Where in the browser a session's console opens, so that consoles of several accounts stay apart.
 *
 * @param kind the kind of context, from the workspace setting {@value #SETTING}
 * @param session the session the context belongs to (a Chromium profile directory is named after its id)
 * @param name what the user sees (the Firefox container's name): the session's alias
 */
public record BrowserContext(Kind kind, SessionId session, Alias name) {
    /** The workspace setting that chooses the kind. */
    public static final String SETTING = "console-browser-context";

    public BrowserContext {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(name, "name");
    }

    /** The kinds of browser context. */
    public enum Kind {
        /** The browser as it is: one console session at a time. */
        PLAIN("plain"),
        /** A Firefox Multi-Account Containers container per session, through an {@code ext+container:} URL. */
        FIREFOX_CONTAINER("firefox-container"),
        /** A Chromium-family browser profile directory per session. */
        CHROMIUM_PROFILE("chromium-profile");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The value of the setting. */
        public String label() {
            return label;
        }

        /** The kind named by a setting value, if any. */
        public static java.util.Optional<Kind> parse(String value) {
            String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            for (Kind kind : values()) {
                if (kind.label.equals(v)) {
                    return java.util.Optional.of(kind);
                }
            }
            return java.util.Optional.empty();
        }
    }
}
