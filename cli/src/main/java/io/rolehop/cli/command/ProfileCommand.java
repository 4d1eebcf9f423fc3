package io.rolehop.cli.command;

import io.rolehop.application.port.in.ProfilesUseCase;
import io.rolehop.cli.wiring.CliContext;
import io.rolehop.cli.output.Output;
import io.rolehop.domain.NamedProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "profile", description = "Manage the named profiles sessions write to.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {ProfileCommand.ListCommand.class, ProfileCommand.CreateCommand.class,
            ProfileCommand.RenameCommand.class, ProfileCommand.DeleteCommand.class})
final class ProfileCommand {

    @Command(name = "list", description = "List the named profiles, their sessions and the active one.")
    static final class ListCommand implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        OutputOption output;

        ListCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<ProfilesUseCase.ProfileView> profiles = context.get(ProfilesUseCase.class).list();
            Output out = new Output(context.environment().out());
            if (output.json()) {
                out.json(profiles.stream().map(p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", p.profile().name());
                    m.put("sessions", p.sessions());
                    m.put("active", p.active().orElse(null));
                    return m;
                }).toList());
            } else {
                out.table(List.of("PROFILE", "SESSIONS", "ACTIVE"), profiles.stream().map(p -> List.of(
                        p.profile().name(),
                        p.sessions().isEmpty() ? "-" : String.join(", ", p.sessions()),
                        p.active().orElse("-"))).toList());
            }
            return 0;
        }
    }

    @Command(name = "create", description = "Create a named profile.")
    static final class CreateCommand implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME")
        String name;

        CreateCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            boolean created = context.get(ProfilesUseCase.class).create(NamedProfile.of(name));
            new Output(context.environment().out()).line(created ? "created profile " + name : "profile " + name + " already exists");
            return 0;
        }
    }

    @Command(name = "rename", description = "Rename a profile; its sessions move with it.")
    static final class RenameCommand implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "OLD")
        String from;

        @Parameters(index = "1", paramLabel = "NEW")
        String to;

        RenameCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.get(ProfilesUseCase.class).rename(NamedProfile.stored(from), NamedProfile.of(to));
            new Output(context.environment().out()).line("renamed profile " + from + " to " + to);
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a profile no session uses.")
    static final class DeleteCommand implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME")
        String name;

        DeleteCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.get(ProfilesUseCase.class).delete(NamedProfile.stored(name));
            new Output(context.environment().out()).line("deleted profile " + name);
            return 0;
        }
    }
}
