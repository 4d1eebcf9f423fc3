package io.rolehop.cli.command;

import io.rolehop.cli.output.OutputFormat;
import picocli.CommandLine.Option;

/** The {@code -o, --output} option of listing and describing commands. */
final class OutputOption {
    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.table;

    boolean json() {
        return format == OutputFormat.json;
    }
}
