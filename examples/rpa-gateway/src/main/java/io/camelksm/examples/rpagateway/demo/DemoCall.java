package io.camelksm.examples.rpagateway.demo;

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
}
