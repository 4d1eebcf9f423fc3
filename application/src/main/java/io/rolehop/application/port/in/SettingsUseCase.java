package io.rolehop.application.port.in;

import java.util.Map;

/**
 * Workspace settings: {@code default-mode} ({@code file} or {@code credential-process}),
 * {@code refresh-margin-seconds} (60 to 43200; cached credentials closer than this to expiry are refreshed) and
 * {@code secret-store} ({@code secret-service}, {@code keychain} or {@code encrypted-file}; listed as {@code auto}
 * while unset, when the backend is detected).
 */
public interface SettingsUseCase {

    /** Every known setting with its current (or default) value. */
    Map<String, String> list();

    /** Validates and stores a setting. */
    void set(String key, String value);

    /** Returns a setting to its default. */
    void unset(String key);
}
