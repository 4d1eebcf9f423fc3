/**
 * Example rolehop plugin: an access method whose credentials come from an external command printing
 * credential_process JSON (Version 1).
 */
module io.rolehop.example.command {
    requires io.rolehop.application;

    provides io.rolehop.application.spi.AccessMethod with
            io.rolehop.example.command.ExternalCommandAccessMethod;
}
