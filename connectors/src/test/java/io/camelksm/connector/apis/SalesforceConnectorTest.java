package io.camelksm.connector.apis;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.testsupport.OAuth2Wire;

/**
 * {@code salesforce.yaml} against two stand-ins, Salesforce's token endpoint and an org's REST API: the JWT bearer flow
 * as Salesforce documents it (RS256; iss = the connected app's consumer key, sub = the user name, aud =
 * https://login.salesforce.com, exp within 3 minutes; the assertion's signature checked with the public key), then the
 * access token as {@code Authorization: Bearer} on the REST API, outputs from the documented response shapes. Only the
 * token URL and the instance URL are pointed at WireMock: the audience stays the definition's default.
 */
class SalesforceConnectorTest extends ShippedConnectorsTestSupport {

    @RegisterExtension
    static WireMockExtension login = server();
    @RegisterExtension
    static WireMockExtension org = server();

    private static final String TOKEN_PATH = "/services/oauth2/token";
    private static final String CONSUMER_KEY = "3MVG99OxTyEMCQ3gNp2PjkqeZKxnmAiG1xV4oHh9AKL_rSK.BoSVPGZHQukXnVjzRgSuQqGn75NL7yfkQcyy7";
    private static final String USER = "integration@acme.example";
    private static final String ACCESS_TOKEN = "00Dxx0000001gPL!AR8AQJXg5oj8jXSgxJfA0lBog.39AsX.LVpxezPwuX5VAIrrbbHMuol";

    /** From "Execute a SOQL Query" in the REST API Developer Guide. */
    private static final String QUERY_RESULT = """
            {"totalSize": 2, "done": true, "records": [
              {"attributes": {"type": "Account", "url": "/services/data/v62.0/sobjects/Account/001D000000IRFmaIAH"},
               "Id": "001D000000IRFmaIAH", "Name": "Test 1"},
              {"attributes": {"type": "Account", "url": "/services/data/v62.0/sobjects/Account/001D000000IomazIAB"},
               "Id": "001D000000IomazIAB", "Name": "Test 2"}]}
            """;

    @Override
    protected void credentials() {
        ksm.add(Credential.builder("Salesforce", CredentialType.OAUTH2_JWT_BEARER)
                .field(CredentialField.ISSUER, CONSUMER_KEY).field(CredentialField.SUBJECT, USER)
                .secret(CredentialField.PRIVATE_KEY, OAuth2Wire.pem(OAuth2Wire.RSA))
                .field(CredentialField.ASSERTION_LIFETIME, "PT3M")
                .field(CredentialField.TOKEN_URL, url(login) + TOKEN_PATH)
                .property(CredentialProperty.plain("allowedHosts", "login.salesforce.com 127.0.0.1")).build());
        ksm.grantAnyone("Salesforce");
    }

    @Override
    protected Map<String, String> properties() {
        return Map.of("salesforce.token-url", url(login) + TOKEN_PATH, "salesforce.instance-url", url(org));
    }

    @BeforeEach
    void tokenEndpoint() {
        // the documented answer: no expires_in, no refresh token
        login.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson("{\"access_token\": \"" + ACCESS_TOKEN + "\","
                + " \"scope\": \"api\", \"instance_url\": \"https://acme.my.salesforce.com\","
                + " \"id\": \"https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS\","
                + " \"token_type\": \"Bearer\"}")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void queryWithTheJwtBearerFlow() {
        org.stubFor(get(urlPathEqualTo("/services/data/v62.0/query")).willReturn(okJson(QUERY_RESULT)));
        long before = Instant.now().getEpochSecond();

        Exchange out = call("direct:salesforce.query", Map.of("soql", "SELECT Id, Name FROM Account LIMIT 2"));

        assertThat(out.getException()).isNull();
        Map<String, Object> reply = out.getMessage().getBody(Map.class);
        assertThat(reply).containsEntry("totalSize", 2).containsEntry("done", true);
        assertThat((List<Map<String, Object>>) reply.get("records")).extracting(r -> r.get("Name"))
                .containsExactly("Test 1", "Test 2");

        LoggedRequest token = only(login);
        Map<String, String> form = OAuth2Wire.form(token);
        assertThat(form.keySet()).containsExactlyInAnyOrder("grant_type", "assertion");
        assertThat(form).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
        String jwt = form.get("assertion");
        assertThat(OAuth2Wire.verifyRs256(jwt, OAuth2Wire.RSA.getPublic())).as("signed with the key").isTrue();
        assertThat(OAuth2Wire.jwtPart(jwt, 0)).containsEntry("alg", "RS256");
        Map<String, Object> claims = OAuth2Wire.jwtPart(jwt, 1);
        assertThat(claims).containsEntry("iss", CONSUMER_KEY).containsEntry("sub", USER)
                .containsEntry("aud", "https://login.salesforce.com");
        long exp = ((Number) claims.get("exp")).longValue();
        assertThat(exp).isGreaterThan(before).isLessThanOrEqualTo(Instant.now().getEpochSecond() + 180);

        LoggedRequest api = only(org);
        assertThat(api.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
        assertThat(api.queryParameter("q").firstValue()).isEqualTo("SELECT Id, Name FROM Account LIMIT 2");
        assertThat(api.getHeader("Accept")).isEqualTo("application/json");
    }

    @Test
    @SuppressWarnings("unchecked")
    void getRecordWithTheFieldsAskedFor() {
        org.stubFor(get(urlPathEqualTo("/services/data/v62.0/sobjects/Account/001D000000INjVe")).willReturn(okJson(
                "{\"attributes\": {\"type\": \"Account\", \"url\":"
                + " \"/services/data/v62.0/sobjects/Account/001D000000INjVe\"},"
                + " \"Id\": \"001D000000INjVe\", \"Name\": \"Burlington Textiles\"}")));

        Exchange out = call("direct:salesforce.getRecord", Map.of("sobject", "Account", "id", "001D000000INjVe"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("id", "001D000000INjVe")
                .containsEntry("name", "Burlington Textiles").containsEntry("type", "Account")
                .containsEntry("url", "/services/data/v62.0/sobjects/Account/001D000000INjVe");
        LoggedRequest api = only(org);
        assertThat(api.queryParameter("fields").firstValue()).isEqualTo("Id,Name");
        assertThat(api.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
    }
}
