package io.camelksm.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or a development marker when run from classes. */
final class KsmAdminVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = KsmAdmin.class.getPackage().getImplementationVersion();
        return new String[] { "ksm-admin " + (version == null ? "(development build)" : version) };
    }
}
