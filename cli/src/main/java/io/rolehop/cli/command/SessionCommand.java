package io.rolehop.cli.command;

import picocli.CommandLine.Command;

@Command(name = "session", description = "Add, start, stop and inspect sessions.", synopsisSubcommandLabel = "COMMAND")
final class SessionCommand {}
