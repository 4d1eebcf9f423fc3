package io.rolehop.application.service;

import io.rolehop.application.UsageException;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.domain.InvalidValueException;
import io.rolehop.domain.Session;
import io.rolehop.domain.Text;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Validates field values against a method's specs and splits them between workspace and secret store. */
final class SessionFields {
    private SessionFields() {}

    /** Checks names, required fields (when {@code complete}), each validator. */
    static void check(AccessMethod method, Map<String, String> values, boolean complete) {
        for (String name : values.keySet()) {
            if (FieldSpec.named(method.fields(), name).isEmpty()) {
                throw new UsageException("access method '" + method.id() + "' has no field '" + Text.printable(name)
                        + "'; see 'rolehop session add " + method.id() + " --help'");
            }
        }
        for (FieldSpec spec : method.fields()) {
            String value = values.get(spec.name());
            if (value == null || value.isEmpty()) {
                if (complete && spec.required()) {
                    throw new UsageException("--" + spec.name() + " is required for a " + method.displayName()
                            + " session (" + spec.help() + ")");
                }
                continue;
            }
            Optional<String> problem = spec.validator().problem(value);
            if (problem.isPresent()) {
                throw new InvalidValueException("--" + spec.name() + ": " + problem.get());
            }
        }
    }

    /** The values with each field's default filled in where no value (or an empty one) was given. */
    static Map<String, String> withDefaults(AccessMethod method, Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>(values);
        for (FieldSpec spec : method.fields()) {
            if (spec.defaultValue().isPresent()
                    && out.getOrDefault(spec.name(), "").isEmpty()) {
                out.put(spec.name(), spec.defaultValue().get());
            }
        }
        return out;
    }

    static void checkTogether(AccessMethod method, Map<String, String> values, Optional<Boolean> assumerIsChained) {
        method.validate(values, assumerIsChained).ifPresent(problem -> {
            throw new InvalidValueException(problem);
        });
    }

    /** The public values, to keep in the workspace. Empty values (cleared fields) are dropped. */
    static Map<String, String> publicValues(AccessMethod method, Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (!FieldSpec.isStoredAsSecret(method.fields(), name) && !value.isEmpty()) {
                out.put(name, value);
            }
        });
        return out;
    }

    /** Writes the secret values to the store (an empty value deletes). */
    static void storeSecrets(AccessMethod method, Session session, Map<String, String> values, SecretStore secrets) {
        values.forEach((name, value) -> {
            if (FieldSpec.isStoredAsSecret(method.fields(), name)) {
                String key = SecretKeys.field(session.id(), name);
                if (value.isEmpty()) {
                    secrets.delete(key);
                } else {
                    secrets.put(key, value);
                }
            }
        });
    }

    /** Every known value of a session, secrets read from the store, for cross-field validation. */
    static Map<String, String> allValues(AccessMethod method, Session session, SecretStore secrets) {
        Map<String, String> out = new LinkedHashMap<>(session.attributes());
        for (FieldSpec spec : method.fields()) {
            if (spec.isStoredAsSecret()) {
                secrets.get(SecretKeys.field(session.id(), spec.name())).ifPresent(v -> out.put(spec.name(), v));
            }
        }
        return out;
    }
}
