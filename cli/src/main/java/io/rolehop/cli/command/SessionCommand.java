package io.rolehop.cli.command;

import picocli.CommandLine.Command;

@Command(
        name = "session",
        description = "Add, start, stop and inspect sessions.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            SessionAddCommand.class,
            SessionListCommand.class,
            SessionTreeCommand.class,
            SessionStartCommand.class,
            SessionStopCommand.class,
            SessionDeleteCommand.class,
            SessionLogoutCommand.class,
            SessionRotateKeysCommand.class,
            SessionEditCommand.class,
            SessionCurrentCommand.class,
            SessionGenerateCommand.class
        })
final class SessionCommand {}
