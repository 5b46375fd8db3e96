package io.camelksm.connector.apis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.camelksm.auth.oauth2.KsmTokenException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;

/**
 * The definition's token URL is pointed (through a property) at a server the credential does not allow: the client
 * secret is not sent there, nor anywhere else, and the API is not called.
 */
class MicrosoftGraphTokenUrlTest extends ShippedConnectorsTestSupport {

    @RegisterExtension
    static WireMockExtension elsewhere = server();
    @RegisterExtension
    static WireMockExtension graph = server();

    private static final String CLIENT_SECRET = "JqQX2PNo9bpM0uEihUPzyrh~s3cr3t";

    @Override
    protected void credentials() {
        ksm.add(Credential.builder("MicrosoftGraph", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "6731de76-14a6-49ae-97bc-6eba6914391e")
                .value(CredentialField.CLIENT_SECRET, CLIENT_SECRET)
                .field(CredentialField.TOKEN_URL, "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token")
                .property(CredentialProperty.plain("allowedHosts", "login.microsoftonline.com")).build());
        ksm.grantAnyone("MicrosoftGraph");
    }

    @Override
    protected Map<String, String> properties() {
        return Map.of("microsoft-graph.login-url", url(elsewhere), "microsoft-graph.tenant", "contoso.onmicrosoft.com",
                "microsoft-graph.base-url", url(graph) + "/v1.0");
    }

    @Test
    void noTokenRequestLeavesForAHostOutsideAllowedHosts() {
        Exchange out = call("direct:microsoft-graph.listUsers", Map.of());

        assertThat(out.getException()).isInstanceOf(KsmTokenException.class)
                .hasMessageContaining("tokenUrl host '127.0.0.1' is not one of the credential's allowedHosts"
                                      + " [login.microsoftonline.com]")
                .hasMessageNotContaining(CLIENT_SECRET);
        assertThat(elsewhere.getAllServeEvents()).isEmpty();
        assertThat(graph.getAllServeEvents()).isEmpty();
    }
}
