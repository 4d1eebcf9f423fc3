package io.rolehop.cli.command;

import io.rolehop.cli.env.CliEnvironment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Takes over the signals a supervisor sends to rolehop's pid alone and passes each on to the command {@code exec}
 * runs, as it came, so that the command decides how to stop and rolehop returns its exit code. Installed before the
 * command starts; a signal that arrives before {@link #attach} is kept and delivered once the command exists. SIGINT
 * comes from the terminal to the whole foreground process group, the command included: rolehop only ignores it,
 * since passing it on would deliver it twice (a second interrupt makes many tools abort).
 */
final class SignalForwarder {
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final List<String> pending = new ArrayList<>();
    private Process process;

    private SignalForwarder() {}

    static SignalForwarder install() {
        SignalForwarder forwarder = new SignalForwarder();
        for (String name : ExecCommand.FORWARDED) {
            forwarder.take(new Signal(name), sig -> forwarder.received(sig.getName()));
        }
        for (String name : ExecCommand.LEFT_TO_THE_COMMAND) {
            forwarder.take(new Signal(name), SignalHandler.SIG_IGN);
        }
        return forwarder;
    }

    /** From now on signals go to {@code command}; those that came before go first, in order. */
    void attach(Process command) {
        List<String> early;
        synchronized (this) {
            process = command;
            early = List.copyOf(pending);
            pending.clear();
        }
        early.forEach(name -> pass(command, name));
    }

    /** How many signals wait for {@link #attach}. */
    synchronized int pending() {
        return pending.size();
    }

    /** Puts back the handlers this forwarder replaced. */
    void restore() {
        previous.forEach(Signal::handle);
    }

    private void take(Signal signal, SignalHandler handler) {
        try {
            previous.put(signal, Signal.handle(signal, handler));
        } catch (IllegalArgumentException reservedHere) {
            // Used by the JVM on this platform (or unknown): left as it is.
        }
    }

    private void received(String name) {
        Process target;
        synchronized (this) {
            if (process == null) {
                pending.add(name);
                return;
            }
            target = process;
        }
        pass(target, name);
    }

    private static void pass(Process process, String signal) {
        if (!process.isAlive()) {
            return;
        }
        if ("TERM".equals(signal)) {
            process.destroy();
            return;
        }
        try {
            ProcessBuilder kill = new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid())).inheritIO();
            CliEnvironment.stripSecrets(kill.environment());
            kill.start();
        } catch (IOException e) {
            // Without kill(1) only SIGTERM can be passed on; the command keeps running.
        }
    }
}
