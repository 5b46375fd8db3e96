package io.camelksm.hsm;

import java.security.Provider;

/** A JCE provider with no services, to test loading a provider by class name (as nCipherKM is). */
public final class TestNamedProvider extends Provider {

    static final String NAME = "TestKM";

    public TestNamedProvider() {
        super(NAME, "1.0", "camel-ksm test provider without services");
    }
}
