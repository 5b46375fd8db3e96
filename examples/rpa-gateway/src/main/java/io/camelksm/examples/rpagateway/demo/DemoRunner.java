package io.camelksm.examples.rpagateway.demo;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.component.KsmComponent;
import io.camelksm.examples.rpagateway.BotAccounts;

/**
 * Once the gateway runs, calls it over HTTP as each bot would ({@link DemoCall#ALL}), prints one line per call, and
 * exits (status 0 when every call got the status the demo expects), unless {@code rpa-gateway.demo.keep-running=true}.
 */
@Component
@Profile("demo")
@Order(2)
@ConditionalOnBooleanProperty(name = "rpa-gateway.demo.calls", matchIfMissing = true)
public class DemoRunner implements ApplicationRunner {

    private static final String NOOP = "{noop}";

    private final ConfigurableApplicationContext context;
    private final CamelContext camel;
    private final Environment environment;
    private final BotAccounts bots;
    private final boolean keepRunning;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PrintStream out = System.out;

    public DemoRunner(ConfigurableApplicationContext context, CamelContext camel, Environment environment,
            BotAccounts bots, @Value("${rpa-gateway.demo.keep-running:false}") boolean keepRunning) {
        this.context = context;
        this.camel = camel;
        this.environment = environment;
        this.bots = bots;
        this.keepRunning = keepRunning;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String gateway = "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
        out.println();
        out.println("RPA gateway demo on " + gateway + ": each bot logs in with its own account; ksm: checks the bot's"
                    + " roles against the connector's credential");
        int unexpected = 0;
        for (DemoCall call : DemoCall.ALL) {
            HttpResponse<String> response = call(gateway, call);
            boolean asExpected = response.statusCode() == call.expected();
            unexpected += asExpected ? 0 : 1;
            out.printf("  %-12s %-32s %d %s%n", call.bot(), call.connector() + "." + call.action(),
                    response.statusCode(), shorten(response.body()) + (asExpected ? "" : "   (UNEXPECTED)"));
        }
        lastDenial().ifPresent(denial -> out.printf("Audited: %s credential '%s' for %s %s on route %s%n",
                denial.outcome(), denial.credential(), denial.principal(), denial.roles(), denial.routeId()));
        out.println(unexpected == 0 ? "All calls answered as expected (hr-bot has no right to ServiceNow's credential)."
                : unexpected + " call(s) did not answer as expected");
        if (keepRunning) {
            out.println("The gateway keeps running on " + gateway + " (Ctrl+C stops it): try the curl commands of"
                        + " examples/rpa-gateway/README.md.");
            return;
        }
        int status = unexpected == 0 ? 0 : 1;
        out.println("Done. To keep it running for curl: -Dspring-boot.run.arguments=--rpa-gateway.demo.keep-running=true");
        System.exit(SpringApplication.exit(context, () -> status));
    }

    /** The audit trail's newest denial (the trail is written in the background: this waits for it). */
    private Optional<AuditEvent> lastDenial() {
        List<AuditEvent> newest = camel.getComponent("ksm", KsmComponent.class).getGovernedCredentials().audit()
                .tail(20);
        for (int i = newest.size() - 1; i >= 0; i--) {
            if (newest.get(i).outcome() == AuditOutcome.DENIED) {
                return Optional.of(newest.get(i));
            }
        }
        return Optional.empty();
    }

    private HttpResponse<String> call(String gateway, DemoCall call) throws Exception {
        String password = bots.bots().get(call.bot()).password();
        String login = call.bot() + ":" + (password.startsWith(NOOP) ? password.substring(NOOP.length()) : password);
        return http.send(call.request(gateway, "", login), HttpResponse.BodyHandlers.ofString());
    }

    private static String shorten(String body) {
        String line = body == null ? "" : body.replaceAll("\\s+", " ");
        return line.length() <= 110 ? line : line.substring(0, 107) + "...";
    }
}
