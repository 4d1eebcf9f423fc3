package io.rolehop.application.spi;

import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.DomainException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The checks rolehop runs on every access method it finds, built-in or from a plugin, before offering it: the one
 * place that says what an access method must look like to be usable. The plugin loader skips a method that fails
 * them (with one warning); the SPI test kit runs the same checks, so a method that passes the kit also loads.
 */
public final class AccessMethodChecks {

    /**
     * Names of the options {@code session add} and {@code session edit} define themselves, whatever the method: no
     * field may take one of them, since each field becomes the option {@code --NAME}.
     */
    public static final List<String> RESERVED_FIELD_NAMES = List.of(
            "alias",
            "profile",
            "region",
            "assumer",
            "force",
            "output",
            "help",
            "version",
            "mode",
            "debug",
            "mfa-code",
            "quiet");

    private static final String STDIN = "-stdin";

    private AccessMethodChecks() {}

    /**
     * Why rolehop could not offer {@code method}, if it could not: an invalid {@link AccessMethod#id()}, a
     * descriptive method that fails or answers null, no list of fields or a null field, a field named after one of
     * {@link #RESERVED_FIELD_NAMES}, or two fields whose options would clash (the same name, or one named as
     * another's {@code --NAME-stdin} twin). The answer is one line naming the problem, to be prefixed with the
     * method's id or class; it never quotes a field value.
     */
    public static Optional<String> problemWith(AccessMethod method) {
        Objects.requireNonNull(method, "method");
        List<FieldSpec> fields;
        try {
            AccessMethodId.of(method.id());
            if (method.displayName() == null || method.description() == null || method.version() == null) {
                return Optional.of("answers null for its display name, description or version");
            }
            method.requiresAssumer();
            method.cacheInSecretStore();
            method.keepsSecrets();
            fields = method.fields();
        } catch (DomainException e) {
            return Optional.of("has an invalid id (" + e.getMessage() + ")");
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("fails to describe itself (" + describe(e) + ")");
        }
        if (fields == null || fields.stream().anyMatch(Objects::isNull)) {
            return Optional.of("declares no list of fields, or a null field");
        }
        Set<String> names = new HashSet<>();
        for (FieldSpec field : fields) {
            String name = field.name();
            if (RESERVED_FIELD_NAMES.contains(name)) {
                return Optional.of("declares a field '" + name + "', a name rolehop's own options use ("
                        + String.join(", ", RESERVED_FIELD_NAMES) + ")");
            }
            boolean twin = names.contains(name + STDIN)
                    || (name.endsWith(STDIN) && names.contains(name.substring(0, name.length() - STDIN.length())));
            if (!names.add(name) || twin) {
                return Optional.of("declares the field '" + name + "' twice, or one that clashes with another's"
                        + " --NAME-stdin option");
            }
        }
        return Optional.empty();
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
