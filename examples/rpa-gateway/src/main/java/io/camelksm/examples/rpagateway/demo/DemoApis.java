package io.camelksm.examples.rpagateway.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

/**
 * Local stand-ins for the four APIs and their token endpoints (WireMock on a free loopback port), each answering only
 * the request the real service expects: Microsoft Graph's token endpoint the client credentials grant with scope
 * {@code https://graph.microsoft.com/.default}, Salesforce's a JWT bearer assertion signed with the connected app's
 * key ({@link SalesforceAssertion}), ServiceNow HTTP Basic, GitHub a bearer token with its {@code Accept} and API
 * version headers; each API only the access token its token endpoint issued. Anything else gets WireMock's 404.
 * <p>
 * The connector definitions' base URLs and token URLs are Camel property placeholders: this class points them here by
 * adding their values to the environment before Camel starts its routes.
 */
@Component
@Profile("demo")
public class DemoApis implements DisposableBean {

    public static final String GRAPH_CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e";
    public static final String GRAPH_TENANT = "contoso.onmicrosoft.com";
    public static final String SALESFORCE_CONSUMER_KEY = "3MVG9rpa.gateway.demo.consumer.key";
    public static final String SALESFORCE_USER = "integration@contoso.example";
    public static final String SERVICENOW_USER = "svc.rpa.gateway";

    private final WireMockServer server;
    private final DemoSecrets secrets;

    public DemoApis(DemoSecrets secrets, ConfigurableEnvironment environment) {
        this.secrets = secrets;
        this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        graph();
        salesforce();
        serviceNow();
        gitHub();
        environment.getPropertySources().addFirst(new MapPropertySource("rpa-gateway-demo-apis", urls()));
    }

    /** The loopback URL of the stand-ins. */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public String graphTokenUrl() {
        return url() + "/login.microsoftonline.com/" + GRAPH_TENANT + "/oauth2/v2.0/token";
    }

    public String salesforceTokenUrl() {
        return url() + "/login.salesforce.com/services/oauth2/token";
    }

    /** The values of the definitions' placeholders. */
    private Map<String, Object> urls() {
        Map<String, Object> urls = new LinkedHashMap<>();
        urls.put("microsoft-graph.base-url", url() + "/graph.microsoft.com/v1.0");
        urls.put("microsoft-graph.login-url", url() + "/login.microsoftonline.com");
        urls.put("microsoft-graph.tenant", GRAPH_TENANT);
        urls.put("salesforce.instance-url", url() + "/contoso.my.salesforce.com");
        urls.put("salesforce.token-url", salesforceTokenUrl());
        urls.put("servicenow.instance-url", url() + "/contoso.service-now.com");
        urls.put("github.base-url", url() + "/api.github.com");
        return urls;
    }

    private void graph() {
        server.stubFor(post(urlPathEqualTo("/login.microsoftonline.com/" + GRAPH_TENANT + "/oauth2/v2.0/token"))
                .withFormParam("grant_type", equalTo("client_credentials"))
                .withFormParam("scope", equalTo("https://graph.microsoft.com/.default"))
                .withFormParam("client_id", equalTo(GRAPH_CLIENT_ID))
                .withFormParam("client_secret", equalTo(secrets.graphClientSecret()))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                        + "\"access_token\":\"" + secrets.graphAccessToken() + "\"}")));
        server.stubFor(bearer(get(urlPathMatching("/graph\\.microsoft\\.com/v1\\.0/users/[^/]+")),
                secrets.graphAccessToken())
                .willReturn(okJson("{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users/$entity\","
                        + "\"id\":\"87d349ed-44d7-43e1-9a83-5f2406dee5bd\",\"displayName\":\"Adele Vance\","
                        + "\"mail\":\"AdeleV@contoso.example\",\"jobTitle\":\"Retail Manager\","
                        + "\"userPrincipalName\":\"AdeleV@contoso.example\"}")));
    }

    private void salesforce() {
        server.stubFor(post(urlPathEqualTo("/login.salesforce.com/services/oauth2/token"))
                .withFormParam("grant_type", equalTo("urn:ietf:params:oauth:grant-type:jwt-bearer"))
                .andMatching(new SalesforceAssertion(secrets.salesforcePublicKey(), SALESFORCE_CONSUMER_KEY,
                        SALESFORCE_USER))
                .willReturn(okJson("{\"access_token\":\"" + secrets.salesforceAccessToken() + "\",\"scope\":\"api\","
                        + "\"instance_url\":\"https://contoso.my.salesforce.com\",\"id\":"
                        + "\"https://login.salesforce.com/id/00D5g000004rpaE/0055g00000Ab1cD\",\"token_type\":\"Bearer\"}")));
        server.stubFor(bearer(get(urlPathMatching("/contoso\\.my\\.salesforce\\.com/services/data/v62\\.0/query")),
                secrets.salesforceAccessToken())
                .willReturn(okJson("{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"Account\"},"
                        + "\"Id\":\"0015g00000Qx1AbAAJ\",\"Name\":\"Contoso Pharmaceuticals\"}]}")));
    }

    private void serviceNow() {
        server.stubFor(post(urlPathEqualTo("/contoso.service-now.com/api/now/table/incident"))
                .withBasicAuth(SERVICENOW_USER, secrets.serviceNowPassword())
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"result\":{\"number\":\"INC0010042\",\"sys_id\":"
                                + "\"9d385017c611228701d22104cc95c371\",\"state\":\"1\"}}")));
    }

    private void gitHub() {
        server.stubFor(bearer(get(urlPathMatching("/api\\.github\\.com/repos/[^/]+/[^/]+")), secrets.gitHubToken())
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
                .willReturn(okJson("{\"id\":1296269,\"full_name\":\"contoso/invoice-robots\",\"private\":true,"
                        + "\"html_url\":\"https://github.com/contoso/invoice-robots\",\"stargazers_count\":42,"
                        + "\"open_issues_count\":3,\"default_branch\":\"main\"}")));
    }

    private static MappingBuilder bearer(MappingBuilder request, String token) {
        return request.withHeader("Authorization", equalTo("Bearer " + token));
    }

    @Override
    public void destroy() {
        server.stop();
    }
}
