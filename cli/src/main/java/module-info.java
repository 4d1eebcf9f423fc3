/** The rolehop command line: picocli commands, the Guice composition root and the plugin loader. */
module io.rolehop.cli {
    requires io.rolehop.application;
    requires io.rolehop.adapters.aws;
    requires io.rolehop.adapters.filesystem;
    requires com.google.guice;
    requires info.picocli;
    requires org.jline;
    requires com.fasterxml.jackson.databind;
    // sun.misc.Signal: 'exec' passes signals on to the command it runs, as they came.
    requires jdk.unsupported;
    // The local credential servers of 'exec --server' and 'serve' (io.rolehop.cli.server), and the loopback
    // listener that receives the browser's answer at the end of 'sso login'.
    requires jdk.httpserver;

    uses io.rolehop.application.spi.AccessMethod;

    opens io.rolehop.cli.command to
            info.picocli;
    opens io.rolehop.cli.wiring to
            com.google.guice;
}
