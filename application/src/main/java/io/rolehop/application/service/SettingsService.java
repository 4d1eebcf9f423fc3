package io.rolehop.application.service;

import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.SettingsUseCase;
import io.rolehop.application.port.out.BrowserContext;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.InvalidValueException;
import io.rolehop.domain.Text;
import io.rolehop.domain.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

public final class SettingsService implements SettingsUseCase {
    /**
     * Workspace setting naming the secret-store backend; when unset, the composition root detects one. The
     * environment variable {@code ROLEHOP_SECRET_STORE} wins over it.
     */
    public static final String SECRET_STORE_SETTING = "secret-store";
    /** The secret-store backends a workspace may name. */
    public static final List<String> SECRET_STORES = List.of("secret-service", "keychain", "pass", "encrypted-file");

    private static final String MARGIN = "refresh-margin-seconds";
    private static final Map<String, Function<String, String>> KNOWN = Map.of(
            StartSessionService.DEFAULT_MODE_SETTING,
            v -> DeliveryMode.parse(v).label(),
            MARGIN,
            SettingsService::margin,
            SECRET_STORE_SETTING,
            SettingsService::secretStore,
            BrowserContext.SETTING,
            SettingsService::browserContext,
            SsoTokens.AWS_CLI_CACHE_SETTING,
            SettingsService::ssoTokenCache);

    private final WorkspaceStore store;

    public SettingsService(WorkspaceStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Map<String, String> list() {
        Workspace workspace = store.load();
        Map<String, String> out = new LinkedHashMap<>();
        out.put(
                StartSessionService.DEFAULT_MODE_SETTING,
                StartSessionService.defaultMode(workspace).label());
        out.put(MARGIN, Long.toString(workspace.refreshMargin().toSeconds()));
        out.put(SECRET_STORE_SETTING, workspace.setting(SECRET_STORE_SETTING).orElse("auto"));
        out.put(
                BrowserContext.SETTING,
                workspace.setting(BrowserContext.SETTING).orElse(BrowserContext.Kind.PLAIN.label()));
        out.put(
                SsoTokens.AWS_CLI_CACHE_SETTING,
                workspace.setting(SsoTokens.AWS_CLI_CACHE_SETTING).orElse("read"));
        return out;
    }

    @Override
    public void set(String key, String value) {
        String normalised = validator(key).apply(value);
        store.update(workspace -> {
            workspace.putSetting(key, normalised);
            return null;
        });
    }

    @Override
    public void unset(String key) {
        validator(key);
        store.update(workspace -> {
            workspace.removeSetting(key);
            return null;
        });
    }

    private static Function<String, String> validator(String key) {
        Function<String, String> validator = KNOWN.get(key);
        if (validator == null) {
            throw new UsageException("unknown setting '" + Text.printable(key) + "'; known settings: "
                    + String.join(", ", new java.util.TreeSet<>(KNOWN.keySet())));
        }
        return validator;
    }

    private static String secretStore(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
        if (!SECRET_STORES.contains(v)) {
            throw new InvalidValueException("invalid secret-store '" + Text.printable(value) + "'; give one of "
                    + String.join(", ", SECRET_STORES) + ", or unset it to let rolehop detect one. This only says"
                    + " where rolehop looks: move the secrets with 'rolehop secrets migrate --to BACKEND'");
        }
        return v;
    }

    private static String browserContext(String value) {
        return BrowserContext.Kind.parse(value)
                .map(BrowserContext.Kind::label)
                .orElseThrow(() -> new InvalidValueException("invalid " + BrowserContext.SETTING + " '"
                        + Text.printable(value) + "'; give plain, firefox-container or chromium-profile"));
    }

    private static String ssoTokenCache(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
        if (!SsoTokens.AWS_CLI_CACHE_MODES.contains(v)) {
            throw new InvalidValueException("invalid " + SsoTokens.AWS_CLI_CACHE_SETTING + " '" + Text.printable(value)
                    + "'; give read (use a valid token of the AWS CLI's cache), write (also keep that cache up to"
                    + " date) or off");
        }
        return v;
    }

    private static String margin(String value) {
        String v = value == null ? "" : value.strip();
        if (!v.matches("[0-9]{1,6}")
                || Long.parseLong(v) < Workspace.MIN_SETTABLE_REFRESH_MARGIN_SECONDS
                || Long.parseLong(v) > Workspace.MAX_REFRESH_MARGIN_SECONDS) {
            throw new InvalidValueException("invalid " + Workspace.REFRESH_MARGIN_SETTING + " '"
                    + Text.printable(value) + "'; give a whole number of seconds from "
                    + Workspace.MIN_SETTABLE_REFRESH_MARGIN_SECONDS + " to " + Workspace.MAX_REFRESH_MARGIN_SECONDS);
        }
        return Long.toString(Long.parseLong(v));
    }
}
