package io.camelksm.auth.oauth2;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.testsupport.LogCapture;

/** A token with {@code expires_in: 0} has no usable lifetime: it serves one caller, is counted and warned about once. */
class SingleUseTokenTest {

    @RegisterExtension
    static WireMockExtension server = TokenEndpoint.extension();

    private static final String CLIENT_SECRET = "cl1ent-s3cret";

    private final OAuth2TokenProvider provider = OAuth2TokenProvider.create(OAuth2Settings.builder()
            .retryPolicy(RetryPolicy.none()).build());

    @AfterEach
    void stop() {
        provider.close();
    }

    private static Credential credential(String name) {
        return Credential.builder(name, CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "client")
                .secret(CredentialField.CLIENT_SECRET, Secret.of(CLIENT_SECRET))
                .field(CredentialField.TOKEN_URL, TokenEndpoint.url(server)).build();
    }

    /** once-1, once-2, ... each with expires_in 0, the answer delayed so that concurrent callers overlap. */
    private static void issueSingleUseTokens(int count, int delayMillis) {
        for (int i = 1; i <= count; i++) {
            server.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).inScenario("tokens")
                    .whenScenarioStateIs(i == 1 ? STARTED : "issued-" + (i - 1))
                    .willReturn(okJson(TokenEndpoint.tokenJson("once-" + i, 0)).withFixedDelay(delayMillis))
                    .willSetStateTo("issued-" + i));
        }
    }

    @Test
    void eachCallerGetsItsOwnTokenCountedWithOneWarningPerCredential() {
        issueSingleUseTokens(4, 0);
        List<String> tokens = new ArrayList<>();
        try (LogCapture logs = new LogCapture()) {
            for (int i = 0; i < 3; i++) {
                tokens.add(provider.token(credential("Once")).value().reveal());
            }
            tokens.add(provider.token(credential("Other")).value().reveal());

            List<ILoggingEvent> warnings = logs.events().stream()
                    .filter(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains("expires_in 0"))
                    .toList();
            assertThat(warnings).extracting(ILoggingEvent::getFormattedMessage).hasSize(2)
                    .anySatisfy(m -> assertThat(m).contains("credential 'Once'"))
                    .anySatisfy(m -> assertThat(m).contains("credential 'Other'"));
            assertThat(logs.text()).doesNotContain(CLIENT_SECRET).doesNotContain("once-1").doesNotContain("once-2");
        }

        assertThat(tokens).containsExactly("once-1", "once-2", "once-3", "once-4");
        assertThat(TokenEndpoint.requests(server)).hasSize(4);
        TokenProviderStatistics statistics = provider.statistics();
        assertThat(statistics.singleUseTokens()).isEqualTo(4);
        assertThat(statistics.tokensFetched()).isEqualTo(4);
        assertThat(statistics.cacheHits()).isZero();
    }

    @Test
    void concurrentCallersNeverShareASingleUseToken() throws Exception {
        int callers = 4;
        issueSingleUseTokens(callers, 150);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return provider.token(credential("Once")).value().reveal();
                }));
            }
            start.countDown();
            List<String> tokens = new ArrayList<>();
            for (Future<String> result : results) {
                tokens.add(result.get(30, TimeUnit.SECONDS));
            }

            assertThat(tokens).as("one token each").doesNotHaveDuplicates().hasSize(callers);
            assertThat(TokenEndpoint.requests(server)).hasSize(callers);
            assertThat(provider.statistics().singleUseTokens()).isEqualTo(callers);
        } finally {
            pool.shutdownNow();
        }
    }
}
