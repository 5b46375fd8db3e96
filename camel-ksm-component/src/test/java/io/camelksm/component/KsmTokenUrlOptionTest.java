package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.camelksm.auth.oauth2.KsmTokenException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmCamelTestSupport;
import io.camelksm.testsupport.OAuth2Wire;

/**
 * The endpoint option {@code tokenUrl} replaces the credential's token URL only where the credential allows: a host
 * its {@code allowedHosts} names, or, without {@code allowedHosts}, its own endpoint's origin. A route cannot use it to
 * send the client secret to a server of its choosing.
 */
class KsmTokenUrlOptionTest extends KsmCamelTestSupport {

    @RegisterExtension
    static WireMockExtension own = OAuth2Wire.server();
    @RegisterExtension
    static WireMockExtension tenant = OAuth2Wire.server();

    private static final String SECRET = "client-s3cret-Stays-Home";

    @Override
    protected RouteBuilder createRouteBuilder() {
        ksm.add(graph("Bound").property(CredentialProperty.plain("allowedHosts", "127.0.0.1")).build());
        ksm.grantAnyone("Bound");
        ksm.add(graph("Unbound").build());
        ksm.grantAnyone("Unbound");
        String tenantUrl = OAuth2Wire.tokenUrl(tenant);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bound").to("ksm:Bound?tokenUrl=" + tenantUrl);
                from("direct:boundLocalhost").to("ksm:Bound?tokenUrl=http://localhost:" + tenant.getPort()
                                                 + OAuth2Wire.TOKEN_PATH);
                from("direct:unbound").to("ksm:Unbound?tokenUrl=" + tenantUrl);
            }
        };
    }

    private static Credential.Builder graph(String name) {
        return Credential.builder(name, CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "graph-client").value(CredentialField.CLIENT_SECRET, SECRET)
                .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "client_secret_post")
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(own));
    }

    @Test
    void aTokenUrlOnAnAllowedHostIsAsked() {
        OAuth2Wire.issue(tenant, "tenant-token", 3600);

        Exchange out = template.request("direct:bound", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("Authorization")).isEqualTo("Bearer tenant-token");
        assertThat(OAuth2Wire.tokenRequests(tenant)).hasSize(1);
        assertThat(OAuth2Wire.form(OAuth2Wire.tokenRequests(tenant).get(0))).containsEntry("client_id", "graph-client");
        assertThat(OAuth2Wire.tokenRequests(own)).isEmpty();
    }

    @Test
    void aRouteCannotSendTheSecretToAHostOutsideAllowedHosts() {
        OAuth2Wire.issue(tenant, "tenant-token", 3600);

        Exchange out = template.request("direct:boundLocalhost", e -> { });

        assertThat(out.getException()).isInstanceOf(KsmTokenException.class)
                .hasMessageContaining("tokenUrl host 'localhost' is not one of the credential's allowedHosts")
                .hasMessageNotContaining(SECRET);
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
        assertThat(tenant.getAllServeEvents()).isEmpty();
    }

    @Test
    void aCredentialWithoutAllowedHostsKeepsItsOwnEndpoint() {
        OAuth2Wire.issue(tenant, "tenant-token", 3600);

        Exchange out = template.request("direct:unbound", e -> { });

        assertThat(out.getException()).isInstanceOf(KsmTokenException.class)
                .hasMessageContaining("is not on the credential's own token endpoint")
                .hasMessageNotContaining(SECRET);
        assertThat(tenant.getAllServeEvents()).isEmpty();
        assertThat(own.getAllServeEvents()).isEmpty();
    }

    @Test
    void tokenUrlAppliesToAuthorizeOnly() {
        assertThatThrownBy(() -> context.getEndpoint("ksm:Bound?operation=get&tokenUrl=https://idp.example/token"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("The option tokenUrl only applies to operation=authorize, not to operation=get");
    }
}
