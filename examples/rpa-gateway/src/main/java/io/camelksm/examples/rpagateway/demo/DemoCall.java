package io.camelksm.examples.rpagateway.demo;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * One call a bot makes in the demo: who, which action, the JSON parameters and the status the demo expects.
 *
 * @param bot        the bot's account
 * @param connector  the connector's name
 * @param action     the action's name
 * @param parameters the JSON object sent
 * @param expected   200 when the bot's roles may use the credential, 403 when not
 */
public record DemoCall(String bot, String connector, String action, String parameters, int expected) {

    /** The demo: invoice-bot on Graph and ServiceNow, hr-bot on Salesforce and GitHub, then hr-bot denied ServiceNow. */
    public static final List<DemoCall> ALL = List.of(
            new DemoCall("invoice-bot", "microsoft-graph", "getUser", "{\"user\":\"AdeleV@contoso.example\"}", 200),
            new DemoCall("invoice-bot", "servicenow", "createIncident",
                    "{\"shortDescription\":\"Invoice 4711 could not be matched\",\"urgency\":\"2\"}", 200),
            new DemoCall("hr-bot", "salesforce", "query", "{\"soql\":\"SELECT Id, Name FROM Account LIMIT 1\"}", 200),
            new DemoCall("hr-bot", "github", "getRepository", "{\"owner\":\"contoso\",\"repo\":\"invoice-robots\"}",
                    200),
            new DemoCall("hr-bot", "servicenow", "createIncident",
                    "{\"shortDescription\":\"New starter laptop\",\"urgency\":\"3\"}", 403));

    /** The gateway's path of the action. */
    public String path() {
        return "/connectors/" + connector + "/" + action;
    }

    /**
     * The call as a bot sends it: the parameters POSTed to the action's path on {@code gateway} (then {@code query}),
     * with HTTP Basic {@code login} ({@code name:password}), or without a login when it is null.
     */
    public HttpRequest request(String gateway, String query, String login) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path() + query))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(parameters));
        if (login != null) {
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }
}
