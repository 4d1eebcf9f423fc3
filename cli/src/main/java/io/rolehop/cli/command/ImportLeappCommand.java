package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.ImportLeappUseCase;
import io.rolehop.application.port.in.ImportReport;
import io.rolehop.cli.output.Output;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "leapp",
        description = "Import the sessions, chains, named profiles and regions of a Leapp workspace.",
        footer = {
            "",
            "Reads ~/.Leapp/Leapp-lock.json (never changes it), decrypted with this machine's id. IAM users'",
            "keys come from Leapp's keychain entries when the Secret Service answers; otherwise set them with",
            "'rolehop session edit ALIAS --access-key-id ID --secret-access-key-stdin'. Running it again adds",
            "nothing and updates what changed in Leapp."
        })
final class ImportLeappCommand implements Callable<Integer> {
    private final Provider<ImportLeappUseCase> importer;
    private final Output out;

    @Option(
            names = "--file",
            paramLabel = "PATH",
            description = "The Leapp workspace file (default ~/.Leapp/Leapp-lock.json).")
    Path file;

    @Option(
            names = "--machine-id",
            paramLabel = "ID",
            description = "The id of the machine that wrote the file (default: this machine's, /etc/machine-id).")
    String machineId;

    @Option(names = "--dry-run", description = "Print what would be imported, change nothing.")
    boolean dryRun;

    @Inject
    ImportLeappCommand(Provider<ImportLeappUseCase> importer, Output out) {
        this.importer = importer;
        this.out = out;
    }

    @Override
    public Integer call() {
        ImportReport report = importer.get()
                .importLeapp(new io.rolehop.application.port.in.ImportLeappCommand(
                        Optional.ofNullable(file), Optional.ofNullable(machineId), dryRun));
        List<List<String>> rows = report.entries().stream()
                .map(e -> List.of(
                        e.source(),
                        e.alias().isEmpty() ? "-" : e.alias(),
                        (report.dryRun() ? "would be " : "")
                                + e.outcome().name().toLowerCase(java.util.Locale.ROOT),
                        e.detail()))
                .toList();
        out.table(List.of("LEAPP SESSION", "ALIAS", "OUTCOME", "DETAIL"), rows);
        return ExitCode.OK;
    }
}
