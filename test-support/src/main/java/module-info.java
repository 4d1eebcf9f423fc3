/** Test fixtures: fakes of the ports, a moto_server extension, botocore and AWS CLI helpers. Never shipped. */
module io.rolehop.testing {
    requires transitive io.rolehop.application;
    requires transitive org.junit.jupiter.api;
    // PluginJars compiles plugin jars in the tests that install them.
    requires java.compiler;
    // FakeFederationEndpoint (the console sign-in endpoint) and IdentityCenterEmulator (the IAM Identity Center
    // APIs), both on loopback.
    requires jdk.httpserver;

    exports io.rolehop.testing;

    provides org.junit.jupiter.api.extension.Extension with
            io.rolehop.testing.SecretLedger;
}
