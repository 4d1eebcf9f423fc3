package io.rolehop.testing.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Two properties drawing from the same generator: under {@code CI=true} both start from the one fixed seed and see
 * the same values; elsewhere each gets its own random seed, and 50 random longs in a row coincide with no
 * measurable chance.
 */
@AddLifecycleHook(FixedSeedOnCi.class)
class FixedSeedOnCiTest {
    private static final List<Long> first = new ArrayList<>();
    private static final List<Long> second = new ArrayList<>();

    @Property(tries = 50)
    void first(@ForAll long value) {
        first.add(value);
    }

    @Property(tries = 50)
    void second(@ForAll long value) {
        second.add(value);
    }

    @AfterContainer
    static void bothSawTheSameValuesExactlyOnCi() {
        if ("true".equals(System.getenv("CI"))) {
            assertEquals(first, second, "under CI=true every property runs from seed " + FixedSeedOnCi.CI_SEED);
        } else {
            assertNotEquals(first, second, "outside CI each property draws from a random seed");
        }
    }
}
