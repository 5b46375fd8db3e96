package io.camelksm.component;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.OAuthClientAuthenticationFactory;
import org.apache.camel.spi.OAuthClientConfig;
import org.apache.camel.support.OAuthHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.camelksm.KsmException;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.access.Dimension;
import io.camelksm.access.KsmAccessDeniedException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.KsmCamelTestSupport;
import io.camelksm.testsupport.KsmTestSupport;
import io.camelksm.testsupport.OAuth2Wire;

/**
 * Camel's OAuth 2.0 token SPI ({@code OAuthClientAuthenticationFactory}, camel-api 4.22): components with an
 * {@code oauthProfile} call {@code OAuthHelper.resolveOAuthToken(context, profile)}, which finds camel-ksm's factory
 * through its service file and gets the token of a ksm credential, access-checked and audited.
 */
class KsmOAuthProfileTest extends KsmCamelTestSupport {

    @RegisterExtension
    static WireMockExtension server = OAuth2Wire.server();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        Properties properties = new Properties();
        properties.setProperty("camel.oauth.mail.ksm-credential", "Graph");
        properties.setProperty("camel.oauth.mail.scope", "Mail.Read");
        properties.setProperty("camel.oauth.ksm-credential", "Graph");
        properties.setProperty("camel.oauth.legacy.client-id", "legacy-client");
        properties.setProperty("camel.oauth.legacy.client-secret", "legacy-secret");
        properties.setProperty("camel.oauth.legacy.token-endpoint", OAuth2Wire.tokenUrl(server));
        camelContext.getPropertiesComponent().setInitialProperties(properties);
        return camelContext;
    }

    @Override
    protected void doPreSetup() {
        ksm.add(Credential.builder("Graph", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "graph-client").value(CredentialField.CLIENT_SECRET, "secret")
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(server)).build());
        ksm.grant("Graph", "*", KsmOAuthClientAuthenticationFactory.PROCESS, KsmTestSupport.NODE);
        ksm.add(Credential.builder("Locked", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "c").value(CredentialField.CLIENT_SECRET, "s")
                .field(CredentialField.TOKEN_URL, OAuth2Wire.tokenUrl(server)).build());
        ksm.grant("Locked", "*", "some-route", KsmTestSupport.NODE);
        ksm.add(Credential.builder("Crm", CredentialType.BASIC)
                .field(CredentialField.USERNAME, "u").value(CredentialField.PASSWORD, "p").build());
        ksm.grant("Crm", Dimension.ROLE, "*").grant("Crm", Dimension.PROCESS, "*").grant("Crm", Dimension.RESOURCE, "*");
    }

    @Test
    void camelFindsCamelKsmsFactoryThroughItsServiceFile() {
        assertThat(context.getCamelContextExtension().getBootstrapFactoryFinder()
                .findOptionalClass(OAuthClientAuthenticationFactory.FACTORY))
                .contains(KsmOAuthClientAuthenticationFactory.class);
    }

    @Test
    void profileNamedLikeTheCredentialGetsItsTokenGovernedAndCached() throws Exception {
        OAuth2Wire.issue(server, "profile-token", 3600);

        String token = OAuthHelper.resolveOAuthToken(context, "Graph");
        String again = OAuthHelper.resolveOAuthToken(context, "Graph");

        assertThat(token).isEqualTo("profile-token").isEqualTo(again);
        assertThat(OAuth2Wire.tokenRequests(server)).hasSize(1);
        AuditEvent event = ksm.lastAudit();
        assertThat(event.outcome()).isEqualTo(AuditOutcome.GRANTED);
        assertThat(event.credential()).isEqualTo("Graph");
        assertThat(event.operation()).isEqualTo("authorize");
        assertThat(event.process()).isEqualTo(KsmOAuthClientAuthenticationFactory.PROCESS);
        assertThat(event.resource()).isEqualTo(KsmTestSupport.NODE);
        assertThat(event.reason()).doesNotContain("profile-token");
    }

    @Test
    void profilePropertiesNameTheCredentialAndNarrowTheScope() throws Exception {
        server.stubFor(post(urlEqualTo(OAuth2Wire.TOKEN_PATH)).withFormParam("scope", equalTo("Mail.Read"))
                .willReturn(okJson(OAuth2Wire.tokenJson("mail-token", 3600))));

        assertThat(OAuthHelper.resolveOAuthToken(context, "mail")).isEqualTo("mail-token");
        assertThat(ksm.lastAudit().credential()).isEqualTo("Graph");
    }

    @Test
    void defaultProfileNamesItsCredential() throws Exception {
        OAuth2Wire.issue(server, "default-token", 3600);

        assertThat(new KsmOAuthClientAuthenticationFactory().resolveToken(context)).isEqualTo("default-token");
    }

    @Test
    void deniedBeforeAnyTokenRequest() {
        OAuth2Wire.issue(server, "never", 3600);

        assertThatThrownBy(() -> OAuthHelper.resolveOAuthToken(context, "Locked"))
                .isInstanceOf(KsmAccessDeniedException.class).hasMessageContaining("oauthProfile");
        assertThat(server.getAllServeEvents()).isEmpty();
        assertThat(ksm.lastAudit().outcome()).isEqualTo(AuditOutcome.DENIED);
    }

    @Test
    void nonOAuthCredentialIsRefusedWithoutRevealingIt() {
        assertThatThrownBy(() -> OAuthHelper.resolveOAuthToken(context, "Crm")).isInstanceOf(KsmException.class)
                .hasMessageContaining("Credential 'Crm' is of type BASIC").hasMessageNotContaining("u:p");
    }

    @Test
    void unknownProfileNamesTheMissingCredential() {
        assertThatThrownBy(() -> OAuthHelper.resolveOAuthToken(context, "Nope"))
                .hasMessageContaining("Unknown credential 'Nope'");
    }

    @Test
    void camelOAuthProfilesNeedCamelOAuth() {
        assertThatThrownBy(() -> OAuthHelper.resolveOAuthToken(context, "legacy")).isInstanceOf(KsmException.class)
                .hasMessageContaining("camel.oauth.legacy.client-id").hasMessageContaining("not on the class path")
                .hasMessageNotContaining("legacy-secret");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void explicitClientConfigIsCamelOAuthsBusiness() {
        OAuthClientConfig config = new OAuthClientConfig().setClientId("x").setClientSecret("explicit-secret")
                .setTokenEndpoint(OAuth2Wire.tokenUrl(server));

        assertThatThrownBy(() -> new KsmOAuthClientAuthenticationFactory().resolveToken(config))
                .isInstanceOf(KsmException.class).hasMessageContaining("ksm credentials only")
                .hasMessageNotContaining("explicit-secret");
    }
}
