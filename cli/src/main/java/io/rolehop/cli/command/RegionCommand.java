package io.rolehop.cli.command;

import io.rolehop.application.port.in.RegionsUseCase;
import io.rolehop.cli.wiring.CliContext;
import io.rolehop.cli.output.Output;
import io.rolehop.domain.Region;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "region", description = "List regions and set the default region of new sessions.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {RegionCommand.ListCommand.class, RegionCommand.GetDefaultCommand.class,
            RegionCommand.SetDefaultCommand.class})
final class RegionCommand {

    @Command(name = "list", description = "List the AWS regions rolehop knows (any valid region code is accepted).")
    static final class ListCommand implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        OutputOption output;

        ListCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            RegionsUseCase regions = context.get(RegionsUseCase.class);
            Region current = regions.getDefault();
            Output out = new Output(context.environment().out());
            if (output.json()) {
                out.json(regions.list().stream().map(r -> {
                    Map<String, Object> json = new java.util.LinkedHashMap<>();
                    json.put("region", r.code());
                    json.put("partition", r.partition().id());
                    json.put("default", r.equals(current));
                    return json;
                }).toList());
            } else {
                out.table(List.of("REGION", "PARTITION", "DEFAULT"), regions.list().stream()
                        .map(r -> List.of(r.code(), r.partition().id(), r.equals(current) ? "*" : "")).toList());
            }
            return 0;
        }
    }

    @Command(name = "get-default", description = "Print the default region of new sessions.")
    static final class GetDefaultCommand implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        OutputOption output;

        GetDefaultCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Region region = context.get(RegionsUseCase.class).getDefault();
            Output out = new Output(context.environment().out());
            if (output.json()) {
                out.json(Map.of("region", region.code()));
            } else {
                out.line(region.code());
            }
            return 0;
        }
    }

    @Command(name = "set-default", description = "Set the default region of new sessions.")
    static final class SetDefaultCommand implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "REGION")
        String region;

        SetDefaultCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.get(RegionsUseCase.class).setDefault(Region.of(region));
            new Output(context.environment().out()).line("default region set to " + region);
            return 0;
        }
    }
}
