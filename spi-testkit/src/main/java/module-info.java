/** The contract test kit for access-method plugins. */
module io.rolehop.spi.testkit {
    requires transitive io.rolehop.application;
    requires transitive org.junit.jupiter.api;

    exports io.rolehop.spi.testkit;
}
