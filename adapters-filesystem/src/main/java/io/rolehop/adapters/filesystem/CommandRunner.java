package io.rolehop.adapters.filesystem;

import java.time.Duration;
import java.util.List;

/**
 * Runs a helper program of an OS secret store ({@code secret-tool}, {@code security}). Arguments never hold a
 * secret: secrets travel on standard input and standard output only, where no other process can see them.
 * Implementations throw {@link io.rolehop.application.OperationFailedException} when the program cannot be started
 * or does not finish in time, and never put what flowed through stdin or stdout in a message.
 */
@FunctionalInterface
public interface CommandRunner {

    /** Runs {@code command} (program first), writes {@code stdin} to it, and waits at most {@code timeout}. */
    Result run(List<String> command, String stdin, Duration timeout);

    /** What a finished program returned. {@code toString} leaves stdout out: it may hold a secret. */
    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "Result[exitCode=" + exitCode + ", stdout=(" + stdout.length() + " chars), stderr=" + stderr + "]";
        }
    }
}
