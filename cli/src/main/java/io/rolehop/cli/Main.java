package io.rolehop.cli;

import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.fast.WarmGenerate;
import java.time.Clock;

/** The process entry point of {@code bin/rolehop}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // credential_process runs "session generate" before every AWS call: serve cached credentials before picocli,
        // Guice or any adapter loads. Off when the launcher's own warm path has just missed (no need to look twice).
        if (!"off".equals(System.getProperty("rolehop.warm"))
                && WarmGenerate.serve(args, System.getenv(), Clock.systemUTC())) {
            System.out.flush();
            System.exit(0);
        }
        int code = new Rolehop(CliEnvironment.fromSystem()).run(args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
