package io.rolehop.application.spi;

import java.util.Optional;
import java.util.function.Function;

/** Checks one field value. */
@FunctionalInterface
public interface FieldValidator {

    /**
     * @return a one-line description of what is wrong with {@code value} and what is expected, or empty when valid.
     *     For secret fields the description must not quote the value.
     */
    Optional<String> problem(String value);

    /** Accepts any value. */
    static FieldValidator any() {
        return value -> Optional.empty();
    }

    /**
     * Adapts a parser that throws {@link RuntimeException} with a user-fit message on bad input, such as a domain
     * value object's constructor.
     */
    static FieldValidator parsing(Function<String, ?> parser) {
        return value -> {
            try {
                parser.apply(value);
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.of(String.valueOf(e.getMessage()));
            }
        };
    }
}
