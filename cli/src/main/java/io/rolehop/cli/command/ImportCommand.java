package io.rolehop.cli.command;

import picocli.CommandLine.Command;

@Command(name = "import", description = "Take over sessions from another tool's setup.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {ImportLeappCommand.class})
final class ImportCommand {
}
