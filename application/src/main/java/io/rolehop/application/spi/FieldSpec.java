package io.rolehop.application.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A field a session of some access method needs.
 *
 * @param name the option name without dashes, {@code [a-z][a-z0-9-]*}, unique within the method
 * @param help one line for help texts and prompts
 * @param required whether a value must be given at add
 * @param sensitivity where the value is kept and how it may be given
 * @param defaultValue the value used when none is given, if any
 * @param validator checks one value
 */
public record FieldSpec(
        String name,
        String help,
        boolean required,
        Sensitivity sensitivity,
        Optional<String> defaultValue,
        FieldValidator validator) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    /** How a field's value is treated. */
    public enum Sensitivity {
        /** Kept in the workspace file, shown in listings. */
        PUBLIC,
        /** Kept in the secret store; may be given as an option value (an access key id, say). */
        CONFIDENTIAL,
        /** Kept in the secret store; never accepted as an option value, read from stdin or a no-echo prompt. */
        SECRET
    }

    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(sensitivity, "sensitivity");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(validator, "validator");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("field name '" + name + "' must match " + NAME.pattern());
        }
    }

    /** A required public field. */
    public static FieldSpec required(String name, String help, FieldValidator validator) {
        return new FieldSpec(name, help, true, Sensitivity.PUBLIC, Optional.empty(), validator);
    }

    /** An optional public field. */
    public static FieldSpec optional(String name, String help, FieldValidator validator) {
        return new FieldSpec(name, help, false, Sensitivity.PUBLIC, Optional.empty(), validator);
    }

    public FieldSpec withSensitivity(Sensitivity value) {
        return new FieldSpec(name, help, required, value, defaultValue, validator);
    }

    public FieldSpec withDefault(String value) {
        return new FieldSpec(name, help, required, sensitivity, Optional.of(value), validator);
    }

    /** Whether the value lives in the secret store rather than the workspace. */
    public boolean isStoredAsSecret() {
        return sensitivity != Sensitivity.PUBLIC;
    }

    /**
     * The field called {@code name} among {@code fields} (an access method's {@code fields()}), if there is one.
     *
     * @param fields the fields to look in; not null
     * @param name the field's name; not null
     * @return the first field of that name, or empty
     */
    public static Optional<FieldSpec> named(List<FieldSpec> fields, String name) {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(name, "name");
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * Whether the field called {@code name} among {@code fields} is kept in the secret store; false when there is no
     * such field.
     *
     * @param fields the fields to look in (an access method's {@code fields()}); not null
     * @param name the field's name; not null
     * @return whether the value of {@code name} lives in the secret store rather than the workspace
     */
    public static boolean isStoredAsSecret(List<FieldSpec> fields, String name) {
        return named(fields, name).filter(FieldSpec::isStoredAsSecret).isPresent();
    }
}
