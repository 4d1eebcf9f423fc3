package io.rolehop.adapters.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module's descriptor, which tests on the class path would not otherwise notice. */
class ModuleDescriptorTest {

    @Test
    void requiresExportsAndOpensExactlyWhatTheAdaptersNeed() throws Exception {
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }

        assertEquals("io.rolehop.adapters.filesystem", descriptor.name());
        assertEquals(
                Set.of("io.rolehop.application", "com.fasterxml.jackson.databind", "java.base"),
                descriptor.requires().stream()
                        .map(ModuleDescriptor.Requires::name)
                        .collect(Collectors.toSet()));
        assertEquals(
                Set.of("io.rolehop.adapters.filesystem", "io.rolehop.adapters.filesystem.codec"),
                descriptor.exports().stream()
                        .map(ModuleDescriptor.Exports::source)
                        .collect(Collectors.toSet()));
        assertTrue(descriptor.opens().isEmpty(), "Jackson is used through its tree API: nothing needs opening");
        assertTrue(!descriptor.isOpen());
    }
}
