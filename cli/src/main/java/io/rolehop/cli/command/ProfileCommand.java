package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.ProfilesUseCase;
import io.rolehop.cli.output.Output;
import io.rolehop.domain.NamedProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "profile",
        description = "Manage the named profiles sessions write to.",
        synopsisSubcommandLabel = "COMMAND")
final class ProfileCommand {

    @Command(name = "list", description = "List the named profiles, their sessions and the active one.")
    static final class ListCommand implements Callable<Integer> {
        private final Provider<ProfilesUseCase> profiles;
        private final Output out;

        @Mixin
        OutputOption output;

        @Inject
        ListCommand(Provider<ProfilesUseCase> profiles, Output out) {
            this.profiles = profiles;
            this.out = out;
        }

        @Override
        public Integer call() {
            List<ProfilesUseCase.ProfileView> profiles = this.profiles.get().list();
            if (output.json()) {
                out.json(profiles.stream()
                        .map(p -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("name", p.profile().name());
                            m.put("sessions", p.sessions());
                            m.put("active", p.active().orElse(null));
                            return m;
                        })
                        .toList());
            } else {
                out.table(
                        List.of("PROFILE", "SESSIONS", "ACTIVE"),
                        profiles.stream()
                                .map(p -> List.of(
                                        p.profile().name(),
                                        p.sessions().isEmpty() ? "-" : String.join(", ", p.sessions()),
                                        p.active().orElse("-")))
                                .toList());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "create", description = "Create a named profile.")
    static final class CreateCommand implements Callable<Integer> {
        private final Provider<ProfilesUseCase> profiles;
        private final Output out;

        @Parameters(paramLabel = "NAME")
        String name;

        @Inject
        CreateCommand(Provider<ProfilesUseCase> profiles, Output out) {
            this.profiles = profiles;
            this.out = out;
        }

        @Override
        public Integer call() {
            boolean created = profiles.get().create(NamedProfile.of(name));
            out.line(created ? "created profile " + name : "profile " + name + " already exists");
            return ExitCode.OK;
        }
    }

    @Command(name = "rename", description = "Rename a profile; its sessions move with it.")
    static final class RenameCommand implements Callable<Integer> {
        private final Provider<ProfilesUseCase> profiles;
        private final Output out;

        @Parameters(index = "0", paramLabel = "OLD")
        String from;

        @Parameters(index = "1", paramLabel = "NEW")
        String to;

        @Inject
        RenameCommand(Provider<ProfilesUseCase> profiles, Output out) {
            this.profiles = profiles;
            this.out = out;
        }

        @Override
        public Integer call() {
            profiles.get().rename(NamedProfile.stored(from), NamedProfile.of(to));
            out.line("renamed profile " + from + " to " + to);
            return ExitCode.OK;
        }
    }

    @Command(name = "delete", description = "Delete a profile no session uses.")
    static final class DeleteCommand implements Callable<Integer> {
        private final Provider<ProfilesUseCase> profiles;
        private final Output out;

        @Parameters(paramLabel = "NAME")
        String name;

        @Inject
        DeleteCommand(Provider<ProfilesUseCase> profiles, Output out) {
            this.profiles = profiles;
            this.out = out;
        }

        @Override
        public Integer call() {
            profiles.get().delete(NamedProfile.stored(name));
            out.line("deleted profile " + name);
            return ExitCode.OK;
        }
    }
}
