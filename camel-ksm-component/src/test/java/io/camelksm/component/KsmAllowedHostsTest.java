package io.camelksm.component;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.Exchange;
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
import io.camelksm.testsupport.KsmTestSupport;
import io.camelksm.testsupport.OAuth2Wire;

/**
 * A credential's {@code allowedHosts} is checked when a token is fetched (whoever wrote the token URL, e.g. straight
 * into the store or a Keeper record) and when an administrator writes the credential.
 */
class KsmAllowedHostsTest extends KsmCamelTestSupport {

    @RegisterExtension
    static WireMockExtension server = OAuth2Wire.server();

    private static final String SECRET = "s3cr3t-Not-For-Others";

    @Override
    protected RouteBuilder createRouteBuilder() {
        // straight into the store: the governed write would refuse it
        ksm.governed().store().create(graph("Elsewhere", "idp.example.com").build());
        ksm.grantAnyone("Elsewhere");
        ksm.add(graph("Local", "idp.example.com, 127.0.0.1").build());
        ksm.grantAnyone("Local");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:elsewhere").to("ksm:Elsewhere");
                from("direct:local").to("ksm:Local");
            }
        };
    }

    private static Credential.Builder graph(String name, String allowedHosts) {
        return Credential.builder(name, CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "graph-client").value(CredentialField.CLIENT_SECRET, SECRET)
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(server))
                .property(CredentialProperty.plain("allowedHosts", allowedHosts));
    }

    @Test
    void noTokenIsRequestedFromAHostTheCredentialDoesNotAllow() {
        server.stubFor(post(urlEqualTo(OAuth2Wire.TOKEN_PATH)).willReturn(okJson(OAuth2Wire.tokenJson("tok-1", 3600))));

        Exchange out = template.request("direct:elsewhere", e -> { });

        assertThat(out.getException()).isInstanceOf(KsmTokenException.class)
                .hasMessageContaining("tokenUrl host '127.0.0.1' is not one of the credential's allowedHosts"
                                      + " [idp.example.com]")
                .hasMessageNotContaining(SECRET);
        server.verify(0, postRequestedFor(urlEqualTo(OAuth2Wire.TOKEN_PATH)));
    }

    @Test
    void aTokenIsRequestedFromAnAllowedHost() {
        server.stubFor(post(urlEqualTo(OAuth2Wire.TOKEN_PATH)).willReturn(okJson(OAuth2Wire.tokenJson("tok-1", 3600))));

        Exchange out = template.request("direct:local", e -> { });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("Authorization")).isEqualTo("Bearer tok-1");
    }

    @Test
    void anAdministratorCannotWriteATokenUrlOutsideTheAllowedHosts() {
        assertThatThrownBy(() -> ksm.add(graph("New", "idp.example.com").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenUrl host '127.0.0.1' is not one of the credential's allowedHosts");
        Credential local = ksm.stored("Local");
        assertThatThrownBy(() -> ksm.governed().update(local.toBuilder()
                .property(CredentialProperty.plain("allowedHosts", "idp.example.com")).build(), KsmTestSupport.ADMIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ksm.stored("Local").version()).isEqualTo(1);
    }
}
