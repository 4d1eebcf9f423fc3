package io.rolehop.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.CheckSetupUseCase.CredentialProcessLine;
import io.rolehop.application.port.in.CheckSetupUseCase.FileProblem;
import io.rolehop.application.port.in.StartSessionCommand;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.NamedProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CheckSetupServiceTest {
    private final Fixture f = new Fixture();
    private final AtomicReference<String> launcher = new AtomicReference<>("/old/bin/rolehop");
    private final ProfileApplier applier = new ProfileApplier(f.credentialsFile, f.configFile, launcher::get);
    private final StartSessionService start = new StartSessionService(f.store, f.resolver, applier);
    private final CheckSetupService check = new CheckSetupService(f.store, f.credentialsFile, f.configFile, applier);

    @Test
    void listsTheLinesOfActiveCredentialProcessSessionsOnly() {
        f.chainUserR1R2R3();
        start.start(new StartSessionCommand("r3", false, Optional.of(DeliveryMode.CREDENTIAL_PROCESS)));
        start.start(new StartSessionCommand("r1", false, Optional.of(DeliveryMode.FILE)));
        String id = f.session("r3").id().value();

        assertEquals(
                List.of(new CredentialProcessLine(
                        "r3", "r3", Optional.of("/old/bin/rolehop session generate " + id), "session generate " + id)),
                check.credentialProcessLines());
    }

    @Test
    void aLineGoneFromTheConfigFileIsReportedAsAbsent() {
        f.chainUserR1R2R3();
        start.start(new StartSessionCommand("r2", false, Optional.of(DeliveryMode.CREDENTIAL_PROCESS)));
        f.configFile.remove(NamedProfile.of("r2"));

        assertEquals(Optional.empty(), check.credentialProcessLines().get(0).command());
    }

    @Test
    void rewriteWritesTheLineWithTheLauncherOfNowAndKeepsTheRegion() {
        f.chainUserR1R2R3();
        start.start(new StartSessionCommand("r3", false, Optional.of(DeliveryMode.CREDENTIAL_PROCESS)));
        Map<String, String> before = f.configFile.owned(NamedProfile.of("r3")).orElseThrow();
        launcher.set("/home/ann/.rolehop/bin/rolehop");
        String id = f.session("r3").id().value();

        CredentialProcessLine line = check.rewrite("r3");

        assertEquals(Optional.of("/home/ann/.rolehop/bin/rolehop session generate " + id), line.command());
        Map<String, String> expected = new LinkedHashMap<>(before);
        expected.put("credential_process", "/home/ann/.rolehop/bin/rolehop session generate " + id);
        assertEquals(expected, f.configFile.owned(NamedProfile.of("r3")).orElseThrow());
        assertEquals(Map.of(), f.credentialsFile.sections(), "the credentials file is not touched");
    }

    @Test
    void rewriteRefusesASessionWithoutALine() {
        f.chainUserR1R2R3();
        start.start(new StartSessionCommand("r1", false, Optional.of(DeliveryMode.FILE)));

        UsageException e = assertThrows(UsageException.class, () -> check.rewrite("r1"));
        assertEquals(
                "session 'r1' is not active in credential-process mode; it has no credential_process line to"
                        + " rewrite",
                e.getMessage());
    }

    @Test
    void namesEachFileTheAwsCliCannotRead() {
        assertEquals(List.of(), check.awsFileProblems());
        f.configFile.makeUnreadable("config line 3: a setting with no name before '='");

        assertEquals(
                List.of(new FileProblem(
                        f.configFile.location(), "config line 3: a setting with no name before" + " '='")),
                check.awsFileProblems());
    }
}
