package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.RegionsUseCase;
import io.rolehop.cli.output.Output;
import io.rolehop.domain.Region;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "region",
        description = "List regions and set the default region of new sessions.",
        synopsisSubcommandLabel = "COMMAND")
final class RegionCommand {

    @Command(name = "list", description = "List the AWS regions rolehop knows (any valid region code is accepted).")
    static final class ListCommand implements Callable<Integer> {
        private final Provider<RegionsUseCase> regions;
        private final Output out;

        @Mixin
        OutputOption output;

        @Inject
        ListCommand(Provider<RegionsUseCase> regions, Output out) {
            this.regions = regions;
            this.out = out;
        }

        @Override
        public Integer call() {
            RegionsUseCase regions = this.regions.get();
            Region current = regions.getDefault();
            if (output.json()) {
                out.json(regions.list().stream()
                        .map(r -> {
                            Map<String, Object> json = new java.util.LinkedHashMap<>();
                            json.put("region", r.code());
                            json.put("partition", r.partition().id());
                            json.put("default", r.equals(current));
                            return json;
                        })
                        .toList());
            } else {
                out.table(
                        List.of("REGION", "PARTITION", "DEFAULT"),
                        regions.list().stream()
                                .map(r -> List.of(r.code(), r.partition().id(), r.equals(current) ? "*" : ""))
                                .toList());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "get-default", description = "Print the default region of new sessions.")
    static final class GetDefaultCommand implements Callable<Integer> {
        private final Provider<RegionsUseCase> regions;
        private final Output out;

        @Mixin
        OutputOption output;

        @Inject
        GetDefaultCommand(Provider<RegionsUseCase> regions, Output out) {
            this.regions = regions;
            this.out = out;
        }

        @Override
        public Integer call() {
            Region region = regions.get().getDefault();
            if (output.json()) {
                out.json(Map.of("region", region.code()));
            } else {
                out.line(region.code());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "set-default", description = "Set the default region of new sessions.")
    static final class SetDefaultCommand implements Callable<Integer> {
        private final Provider<RegionsUseCase> regions;
        private final Output out;
        private final RegionCheck regionCheck;

        @Parameters(paramLabel = "REGION")
        String region;

        @Inject
        SetDefaultCommand(Provider<RegionsUseCase> regions, Output out, RegionCheck regionCheck) {
            this.regionCheck = regionCheck;
            this.regions = regions;
            this.out = out;
        }

        @Override
        public Integer call() {
            regions.get().setDefault(Region.of(region));
            regionCheck.warnIfUnknown(java.util.Optional.of(Region.of(region)));
            out.line("default region set to " + region);
            return ExitCode.OK;
        }
    }
}
