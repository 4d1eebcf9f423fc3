package io.rolehop.adapters.filesystem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one rule for the environment of every program rolehop starts (an {@code mfa-command}, {@code secret-tool},
 * {@code security}, the command of {@code exec}): rolehop's own secrets and the AWS credentials it was started with
 * are taken out. A child has no business with the vault passphrase, and the caller's keys belong to the caller: a
 * child that needs credentials is handed the session's own, explicitly (docs/secret-storage.md).
 */
public final class ChildEnvironment {
    /** The variables no child inherits. */
    public static final List<String> SECRETS = List.of(
            "ROLEHOP_VAULT_PASSPHRASE",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_SECURITY_TOKEN",
            "AWS_CREDENTIAL_EXPIRATION",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN");

    private ChildEnvironment() {}

    /** A copy of {@code parent} without {@link #SECRETS}. */
    public static Map<String, String> of(Map<String, String> parent) {
        Map<String, String> child = new HashMap<>(parent);
        strip(child);
        return child;
    }

    /** Takes {@link #SECRETS} out of {@code environment} in place (a {@link ProcessBuilder}'s, say). */
    public static void strip(Map<String, String> environment) {
        SECRETS.forEach(environment::remove);
    }
}
