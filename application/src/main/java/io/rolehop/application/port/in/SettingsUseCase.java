package io.rolehop.application.port.in;

import java.util.Map;

/**
 * Workspace settings: {@code default-mode} ({@code file} or {@code credential-process}) and
 * {@code refresh-margin-seconds} (60 to 43200; cached credentials closer than this to expiry are refreshed).
 */
public interface SettingsUseCase {

    /** Every known setting with its current (or default) value. */
    Map<String, String> list();

    /** Validates and stores a setting. */
    void set(String key, String value);

    /** Returns a setting to its default. */
    void unset(String key);
}
