package io.camelksm.connector.apis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;

/**
 * {@code servicenow.yaml} against a stand-in for an instance's Table API: HTTP Basic with the integration user's name and
 * password, JSON in and out, outputs from the {@code {"result": ...}} shapes of ServiceNow's documentation.
 */
class ServiceNowConnectorTest extends ShippedConnectorsTestSupport {

    @RegisterExtension
    static WireMockExtension instance = server();

    private static final String USER = "svc.rpa";
    private static final String PASSWORD = "Sn0w:p@ss wörd";

    /** From "Table API GET /now/table/{tableName}", shortened. */
    private static final String INCIDENTS = """
            {"result": [
              {"sys_id": "9d385017c611228701d22104cc95c371", "number": "INC0000002",
               "short_description": "Network file shares access issue", "state": "3"},
              {"sys_id": "e8caedcbc0a80164017df472f39eaed1", "number": "INC0000003",
               "short_description": "Wireless access is down in my area", "state": "2"}]}
            """;

    /** From "Table API POST /now/table/{tableName}" (201 Created), shortened. */
    private static final String CREATED = """
            {"result": {"sys_id": "a9e30c7dc61122760116894de7bcc7bd", "number": "INC0010002",
             "short_description": "Printer jammed on floor 3", "urgency": "2", "state": "1", "active": "true"}}
            """;

    @Override
    protected void credentials() {
        ksm.add(Credential.builder("ServiceNow", CredentialType.BASIC).field(CredentialField.USERNAME, USER)
                .value(CredentialField.PASSWORD, PASSWORD).build());
        ksm.grantAnyone("ServiceNow");
    }

    @Override
    protected Map<String, String> properties() {
        return Map.of("servicenow.instance-url", url(instance));
    }

    /** RFC 7617, computed here: Base64 of the UTF-8 of "user:password". */
    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @SuppressWarnings("unchecked")
    void listRecordsWithAnEncodedQuery() {
        instance.stubFor(get(urlPathEqualTo("/api/now/table/incident")).willReturn(okJson(INCIDENTS)));

        Exchange out = call("direct:servicenow.listRecords", Map.of("table", "incident",
                "query", "active=true^priority<=2", "limit", "2"));

        assertThat(out.getException()).isNull();
        List<Map<String, Object>> records = (List<Map<String, Object>>) out.getMessage().getBody(Map.class)
                .get("records");
        assertThat(records).extracting(r -> r.get("number")).containsExactly("INC0000002", "INC0000003");
        LoggedRequest request = only(instance);
        assertThat(request.getHeader("Authorization")).isEqualTo(basic());
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.queryParameter("sysparm_query").firstValue()).isEqualTo("active=true^priority<=2");
        assertThat(request.queryParameter("sysparm_limit").firstValue()).isEqualTo("2");
        assertThat(request.queryParameter("sysparm_fields").firstValue())
                .isEqualTo("sys_id,number,short_description,state");
    }

    @Test
    @SuppressWarnings("unchecked")
    void getRecordBySysId() {
        instance.stubFor(get(urlEqualTo("/api/now/table/incident/9d385017c611228701d22104cc95c371"))
                .willReturn(okJson("{\"result\": {\"sys_id\": \"9d385017c611228701d22104cc95c371\", \"number\":"
                                   + " \"INC0000002\", \"short_description\": \"Network file shares access issue\","
                                   + " \"state\": \"3\"}}")));

        Exchange out = call("direct:servicenow.getRecord", Map.of("table", "incident",
                "sysId", "9d385017c611228701d22104cc95c371"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("number", "INC0000002")
                .containsEntry("sysId", "9d385017c611228701d22104cc95c371").containsEntry("state", "3")
                .containsEntry("shortDescription", "Network file shares access issue");
        assertThat(only(instance).getHeader("Authorization")).isEqualTo(basic());
    }

    @Test
    @SuppressWarnings("unchecked")
    void createIncident() throws Exception {
        instance.stubFor(post(urlEqualTo("/api/now/table/incident")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json;charset=UTF-8").withBody(CREATED)));

        Exchange out = call("direct:servicenow.createIncident", Map.of("shortDescription", "Printer jammed on floor 3",
                "urgency", "2"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("number", "INC0010002")
                .containsEntry("sysId", "a9e30c7dc61122760116894de7bcc7bd").containsEntry("state", "1");
        LoggedRequest request = only(instance);
        assertThat(request.getHeader("Authorization")).isEqualTo(basic());
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(new ObjectMapper().readValue(request.getBodyAsString(), Map.class)).isEqualTo(Map.of(
                "short_description", "Printer jammed on floor 3", "description", "", "urgency", "2"));
    }
}
