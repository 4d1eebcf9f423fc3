package io.rolehop.cli.command;

import picocli.CommandLine.Command;

/** {@code rolehop import}: sessions made from another tool's setup. Each source is a subcommand of its own. */
@Command(name = "import", description = "Make sessions from another tool's setup.", synopsisSubcommandLabel = "COMMAND")
final class ImportCommand {}
