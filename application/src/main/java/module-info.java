/**
 * The use cases of rolehop (inbound ports), what they need from the world (outbound ports) and the access-method SPI
 * that built-in and third-party methods implement.
 */
module io.rolehop.application {
    requires transitive io.rolehop.domain;

    exports io.rolehop.application;
    exports io.rolehop.application.port.in;
    exports io.rolehop.application.port.out;
    exports io.rolehop.application.spi;
    // The use-case implementations are for the composition root only; plugins see ports and the SPI.
    exports io.rolehop.application.service to
            io.rolehop.cli;
}
