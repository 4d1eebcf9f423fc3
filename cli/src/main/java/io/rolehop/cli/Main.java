package io.rolehop.cli;

import io.rolehop.cli.env.CliEnvironment;
/** The process entry point of {@code bin/rolehop}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = new Rolehop(CliEnvironment.fromSystem()).run(args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
