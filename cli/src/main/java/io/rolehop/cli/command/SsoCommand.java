package io.rolehop.cli.command;

import picocli.CommandLine.Command;

@Command(
        name = "sso",
        description = "Log in to IAM Identity Center (AWS SSO), make a session of each account and role, log out.",
        synopsisSubcommandLabel = "COMMAND")
final class SsoCommand {}
