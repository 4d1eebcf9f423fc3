package io.rolehop.architecture;

import java.util.List;

/** The package of each ring of docs/architecture.md under a root: {@code io.rolehop}, or a fixture's that mimics it. */
record Rings(String root) {

    /** The real rings. */
    static final Rings ROLEHOP = new Rings("io.rolehop");

    String domain() {
        return root + ".domain..";
    }

    String application() {
        return root + ".application..";
    }

    String adaptersAws() {
        return root + ".adapters.aws..";
    }

    String adaptersFilesystem() {
        return root + ".adapters.filesystem..";
    }

    String cli() {
        return root + ".cli..";
    }

    /** The commands: picocli classes that turn a command line into a use case call. */
    String cliCommand() {
        return root + ".cli.command..";
    }

    /** The use-case implementations, which only the composition root names. */
    String applicationService() {
        return root + ".application.service..";
    }

    /** The plugin loader: the one place that may call {@code ServiceLoader}. */
    String cliPlugin() {
        return root + ".cli.plugin..";
    }

    /** The credential servers: a driving adapter, like the commands. */
    String cliServer() {
        return root + ".cli.server..";
    }

    /** The loopback callback of {@code sso login}: the other listener on loopback. */
    String cliLogin() {
        return root + ".cli.login..";
    }

    /** The package of the incoming ports, the use cases (a package name, not a pattern). */
    String incomingPorts() {
        return root + ".application.port.in";
    }

    /** The one class that builds the use cases. */
    String composition() {
        return root + ".cli.wiring.UseCases";
    }

    /** Every ring, as ArchUnit package patterns. */
    List<String> all() {
        return List.of(domain(), application(), adaptersAws(), adaptersFilesystem(), cli());
    }

    /** The root package of each module (a JPMS module is one ring), without the trailing "..". */
    List<String> moduleRoots() {
        return all().stream()
                .map(pattern -> pattern.substring(0, pattern.length() - 2))
                .toList();
    }
}
