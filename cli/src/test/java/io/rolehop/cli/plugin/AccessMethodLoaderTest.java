package io.rolehop.cli.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rolehop.application.spi.AccessMethodChecks;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the loader finds without any plugin. */
class AccessMethodLoaderTest {

    @Test
    void theBuiltInMethodsPass() {
        List<AccessMethodLoader.Found> found = new AccessMethodLoader(w -> {
                    throw new AssertionError("warning: " + w);
                })
                .load();

        assertEquals(
                List.of("aws-iam-user", "aws-iam-role-chained", "aws-sso"),
                found.stream().map(f -> f.method().id()).toList());
        found.forEach(f -> assertEquals(Optional.empty(), AccessMethodChecks.problemWith(f.method())));
    }
}
