package io.rolehop.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sun.misc.Signal;

class SignalForwarderTest {
    /**
     * A supervisor may signal rolehop as soon as it starts the command (before the command even exists): the signal
     * is neither lost nor left to the JVM's default action (for SIGUSR1, ending rolehop), but reaches the command.
     */
    @Test
    void aSignalThatCameBeforeTheCommandExistedReachesItOnceAttached(@TempDir Path dir) throws Exception {
        SignalForwarder forwarder = SignalForwarder.install();
        Process command = null;
        try {
            Signal.raise(new Signal("USR1"));
            for (int i = 0; i < 600 && forwarder.pending() == 0; i++) {
                Thread.sleep(50);
            }
            assertEquals(1, forwarder.pending(), "the signal waits for the command");

            Path out = dir.resolve("out");
            command = new ProcessBuilder(
                            "sh", "-c", "trap 'echo got-usr1; exit 7' USR1; echo ready; while :; do sleep 0.1; done")
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            for (int i = 0;
                    i < 600 && !(Files.exists(out) && Files.readString(out).contains("ready"));
                    i++) {
                Thread.sleep(50);
            }
            forwarder.attach(command);

            assertTrue(command.waitFor(60, TimeUnit.SECONDS), "the command got the signal and stopped");
            assertEquals(7, command.exitValue(), Files.readString(out));
            assertTrue(Files.readString(out).contains("got-usr1"), Files.readString(out));
            assertEquals(0, forwarder.pending());
        } finally {
            forwarder.restore();
            if (command != null) {
                command.destroyForcibly();
            }
        }
    }
}
