/** The seed rule of rolehop's property tests (docs/testing.md). */
module io.rolehop.testing.seeds {
    requires net.jqwik.api;

    exports io.rolehop.testing.seeds;
}
