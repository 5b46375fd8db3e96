package io.camelksm.component;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;

/** The GENERAL credential 'Portal' that the audit tests read: granted to any role, route 'portal', node 'node-1'. */
final class PortalCredential {

    static final CredentialName NAME = CredentialName.of("Portal");

    private PortalCredential() {
    }

    static void storeAndGrant(GovernedCredentials governed, Caller admin) {
        governed.create(Credential.builder(NAME, CredentialType.GENERAL).field(CredentialField.USERNAME, "bot")
                .secret(CredentialField.PASSWORD, Secret.of("pw-1")).build(), admin);
        governed.grant(NAME, Dimension.ROLE, "*", admin);
        governed.grant(NAME, Dimension.PROCESS, "portal", admin);
        governed.grant(NAME, Dimension.RESOURCE, "node-1", admin);
    }
}
