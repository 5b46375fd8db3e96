package io.camelksm.connector.apis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.OAuth2Wire;

/**
 * {@code microsoft-graph.yaml} against two stand-ins, the Microsoft identity platform's token endpoint of one tenant and
 * Graph v1.0: the client credentials grant with scope {@code https://graph.microsoft.com/.default} at
 * {@code /{tenant}/oauth2/v2.0/token} (the definition's token URL, not the credential's), then the access token as
 * {@code Authorization: Bearer} on Graph, outputs from the response shapes of Graph's documentation.
 */
class MicrosoftGraphConnectorTest extends ShippedConnectorsTestSupport {

    @RegisterExtension
    static WireMockExtension login = server();
    @RegisterExtension
    static WireMockExtension graph = server();

    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";
    private static final String CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e";
    private static final String CLIENT_SECRET = "JqQX2PNo9bpM0uEihUPzyrh~s3cr3t";
    private static final String ACCESS_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsIng1dCI6Ik5HVEZ2ZEstZnl0aEV1Q.graph";

    /** From "List users" in the Graph v1.0 reference, shortened. */
    private static final String USERS = """
            {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,mail,userPrincipalName,jobTitle)",
             "@odata.nextLink": "https://graph.microsoft.com/v1.0/users?$top=2&$skiptoken=RFNwdAIAAQAAAD",
             "value": [
              {"id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd", "displayName": "Adele Vance",
               "mail": "AdeleV@contoso.com", "userPrincipalName": "AdeleV@contoso.com", "jobTitle": "Retail Manager"},
              {"id": "5bde3e51-d13b-4db1-9948-fe4b109d11a7", "displayName": "Alex Wilber",
               "mail": "AlexW@contoso.com", "userPrincipalName": "AlexW@contoso.com", "jobTitle": "Marketing Assistant"}]}
            """;

    @Override
    protected void credentials() {
        // its own token URL names another tenant on the same host: the definition's replaces it, within allowedHosts
        ksm.add(Credential.builder("MicrosoftGraph", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, CLIENT_ID).value(CredentialField.CLIENT_SECRET, CLIENT_SECRET)
                .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, "client_secret_post")
                .field(CredentialField.TOKEN_URL, url(login) + "/common/oauth2/v2.0/token")
                .property(CredentialProperty.plain("allowedHosts", "login.microsoftonline.com 127.0.0.1")).build());
        ksm.grantAnyone("MicrosoftGraph");
    }

    @Override
    protected Map<String, String> properties() {
        return Map.of("microsoft-graph.login-url", url(login), "microsoft-graph.tenant", TENANT,
                "microsoft-graph.base-url", url(graph) + "/v1.0");
    }

    @BeforeEach
    void tokenEndpoint() {
        login.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson("{\"token_type\": \"Bearer\", \"expires_in\": 3599,"
                + " \"ext_expires_in\": 3599, \"access_token\": \"" + ACCESS_TOKEN + "\"}")));
    }

    /** The one token request: the client credentials grant as the identity platform documents it. */
    private static void assertTokenRequest() {
        LoggedRequest request = only(login);
        assertThat(request.getUrl()).isEqualTo(TOKEN_PATH);
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(OAuth2Wire.form(request)).containsOnly(
                Map.entry("grant_type", "client_credentials"),
                Map.entry("scope", "https://graph.microsoft.com/.default"),
                Map.entry("client_id", CLIENT_ID),
                Map.entry("client_secret", CLIENT_SECRET));
        assertThat(request.containsHeader("Authorization")).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void listUsers() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/users")).willReturn(okJson(USERS)));

        Exchange out = call("direct:microsoft-graph.listUsers", Map.of("top", "2"));

        assertThat(out.getException()).isNull();
        Map<String, Object> reply = out.getMessage().getBody(Map.class);
        assertThat((List<Map<String, Object>>) reply.get("users")).extracting(u -> u.get("displayName"))
                .containsExactly("Adele Vance", "Alex Wilber");
        assertThat(reply.get("nextLink")).asString().contains("$skiptoken=");
        assertTokenRequest();
        LoggedRequest request = only(graph);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
        assertThat(request.queryParameter("$top").firstValue()).isEqualTo("2");
        assertThat(request.queryParameter("$select").firstValue())
                .isEqualTo("id,displayName,mail,userPrincipalName,jobTitle");
    }

    @Test
    @SuppressWarnings("unchecked")
    void getUserThenSendMailWithTheCachedToken() throws Exception {
        graph.stubFor(get(urlPathEqualTo("/v1.0/users/AdeleV%40contoso.com")).willReturn(okJson(
                "{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#users/$entity\","
                + " \"id\": \"87d349ed-44d7-43e1-9a83-5f2406dee5bd\", \"displayName\": \"Adele Vance\","
                + " \"mail\": \"AdeleV@contoso.com\", \"userPrincipalName\": \"AdeleV@contoso.com\","
                + " \"jobTitle\": \"Retail Manager\"}")));
        graph.stubFor(post(urlEqualTo("/v1.0/users/AdeleV%40contoso.com/sendMail"))
                .willReturn(aResponse().withStatus(202)));

        Exchange user = call("direct:microsoft-graph.getUser", Map.of("user", "AdeleV@contoso.com"));
        Exchange mail = call("direct:microsoft-graph.sendMail", Map.of("from", "AdeleV@contoso.com",
                "to", "AlexW@contoso.com", "subject", "Invoice 42", "content", "Line one\nLine \"two\""));

        assertThat(user.getException()).isNull();
        assertThat(user.getMessage().getBody(Map.class)).containsEntry("id", "87d349ed-44d7-43e1-9a83-5f2406dee5bd")
                .containsEntry("displayName", "Adele Vance").containsEntry("jobTitle", "Retail Manager");
        assertThat(mail.getException()).isNull();
        assertTokenRequest(); // one token for both calls
        LoggedRequest send = graph.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getUrl().endsWith("/sendMail")).findFirst().orElseThrow();
        assertThat(send.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
        assertThat(new ObjectMapper().readValue(send.getBodyAsString(), Map.class)).isEqualTo(Map.of(
                "message", Map.of("subject", "Invoice 42",
                        "body", Map.of("contentType", "Text", "content", "Line one\nLine \"two\""),
                        "toRecipients", List.of(Map.of("emailAddress", Map.of("address", "AlexW@contoso.com")))),
                "saveToSentItems", true));
    }
}
