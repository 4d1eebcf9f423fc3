package io.rolehop.application.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FieldSpecTest {
    private static final FieldSpec ROLE = FieldSpec.required("role-arn", "the role", FieldValidator.any());
    private static final FieldSpec KEY = FieldSpec.required("secret-key", "the key", FieldValidator.any())
            .withSensitivity(FieldSpec.Sensitivity.SECRET);
    private static final FieldSpec KEY_ID = FieldSpec.optional("key-id", "the key id", FieldValidator.any())
            .withSensitivity(FieldSpec.Sensitivity.CONFIDENTIAL);
    private static final List<FieldSpec> FIELDS = List.of(ROLE, KEY, KEY_ID);

    @Test
    void findsAFieldByName() {
        assertEquals(Optional.of(KEY), FieldSpec.named(FIELDS, "secret-key"));
        assertEquals(Optional.empty(), FieldSpec.named(FIELDS, "region"));
        assertEquals(Optional.empty(), FieldSpec.named(List.of(), "role-arn"));
    }

    @Test
    void saysWhichFieldsLiveInTheSecretStore() {
        assertTrue(FieldSpec.isStoredAsSecret(FIELDS, "secret-key"));
        assertTrue(FieldSpec.isStoredAsSecret(FIELDS, "key-id"));
        assertFalse(FieldSpec.isStoredAsSecret(FIELDS, "role-arn"));
        assertFalse(FieldSpec.isStoredAsSecret(FIELDS, "no-such-field"));
    }
}
