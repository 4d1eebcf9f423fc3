/**
 * The access-method SPI: how rolehop learns new ways of obtaining AWS credentials.
 *
 * <p>A provider is a class implementing {@link io.rolehop.application.spi.AccessMethod} with a public no-argument
 * constructor, registered both with {@code provides io.rolehop.application.spi.AccessMethod with ...} in its
 * {@code module-info.java} and in {@code META-INF/services/io.rolehop.application.spi.AccessMethod}. rolehop finds
 * providers with {@link java.util.ServiceLoader} in its own modules and in the jars of its plugins directories; the
 * built-in methods are found exactly the same way.
 *
 * <p>Contract for all types of this package: no method returns {@code null} (absent values are
 * {@link java.util.Optional}), no argument may be {@code null}, and nothing a method returns or throws may contain a
 * secret value.
 */
package io.rolehop.application.spi;
