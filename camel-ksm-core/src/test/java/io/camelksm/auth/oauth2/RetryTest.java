package io.camelksm.auth.oauth2;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.camelksm.auth.oauth2.KsmTokenException.Reason;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;

/** Server errors, rate limiting and transport faults: bounded retries with backoff; then a clear failure. */
class RetryTest {

    @RegisterExtension
    static WireMockExtension server = TokenEndpoint.extension();

    private static final String CLIENT_SECRET = "Sup3r-S3cret-Value";

    private static final RetryPolicy FAST = RetryPolicy.defaults().withMaxRetries(2)
            .withBackoff(Duration.ofMillis(10), Duration.ofMillis(50));

    private OAuth2TokenProvider provider = provider(FAST, Duration.ofSeconds(10));

    private static OAuth2TokenProvider provider(RetryPolicy policy, Duration tokenEndpointTimeout) {
        return OAuth2TokenProvider.create(OAuth2Settings.builder().retryPolicy(policy)
                .tokenEndpointTimeout(tokenEndpointTimeout).build());
    }

    private void useTokenEndpointTimeout(Duration timeout) {
        provider.close();
        provider = provider(FAST, timeout);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private Credential credential() {
        return Credential.builder("Graph", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "client-1")
                .secret(CredentialField.CLIENT_SECRET, Secret.of(CLIENT_SECRET))
                .field(CredentialField.TOKEN_URL, TokenEndpoint.url(server))
                .build();
    }

    /** The first answer, then a token. */
    private void firstThenToken(ResponseDefinitionBuilder first) {
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(first).willSetStateTo("recovered"));
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(TokenEndpoint.tokenJson("after-retry", 3600))));
    }

    /** WireMock logs a request once it has answered: wait for the abandoned ones, so they do not leak into the next test. */
    private static void awaitServed(int requests) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (TokenEndpoint.requests(server).size() < requests && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private int requestCount() {
        return TokenEndpoint.requests(server).size();
    }

    @Test
    void a503IsRetriedAndThe200Used() {
        firstThenToken(aResponse().withStatus(503));

        assertThat(provider.token(credential()).value().reveal()).isEqualTo("after-retry");
        assertThat(requestCount()).isEqualTo(2);
        assertThat(provider.statistics().httpAttempts()).isEqualTo(2);
        assertThat(provider.statistics().tokensFetched()).isEqualTo(1);
    }

    @Test
    void a429WaitsAtLeastTheRetryAfterSeconds() {
        firstThenToken(aResponse().withStatus(429).withHeader("Retry-After", "1"));

        long start = System.nanoTime();
        assertThat(provider.token(credential()).value().reveal()).isEqualTo("after-retry");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        assertThat(requestCount()).isEqualTo(2);
    }

    @Test
    void a429WithAnHttpDateWaitsUntilThen() {
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)
                .plusSeconds(2));
        firstThenToken(aResponse().withStatus(429).withHeader("Retry-After", inTwoSeconds));

        long start = System.nanoTime();
        assertThat(provider.token(credential()).value().reveal()).isEqualTo("after-retry");
        // the date has whole seconds: between one and two seconds remain when it is read
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void aRetryAfterLongerThanAllowedFailsAtOnce() {
        firstThenToken(aResponse().withStatus(429).withHeader("Retry-After", "120"));

        KsmTokenException e = catchThrowableOfType(KsmTokenException.class, () -> provider.token(credential()));

        assertThat(e.getReason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.getRetryAfter()).contains(Duration.ofSeconds(120));
        assertThat(e).hasMessageEndingWith("failed with HTTP 429: no OAuth 2.0 error in the body (0 bytes,"
                                           + " Content-Type none) (1 attempt; the server asked to retry after 120 s,"
                                           + " longer than the 30 s allowed)");
        assertThat(requestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK",
            "RANDOM_DATA_THEN_CLOSE"})
    void transportFaultsAreRetried(Fault fault) {
        firstThenToken(aResponse().withFault(fault));

        assertThat(provider.token(credential()).value().reveal()).isEqualTo("after-retry");
        assertThat(requestCount()).isEqualTo(2);
    }

    @Test
    void aResponseSlowerThanTheTokenEndpointTimeoutIsAbandonedAndRetried() {
        useTokenEndpointTimeout(Duration.ofMillis(1500));
        firstThenToken(okJson(TokenEndpoint.tokenJson("too-late", 3600)).withFixedDelay(8000));

        long start = System.nanoTime();
        assertThat(provider.token(credential()).value().reveal()).isEqualTo("after-retry");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(6000));
        assertThat(requestCount()).isEqualTo(2);
    }

    @Test
    void persistentTimeoutsFailAfterTheLastRetry() {
        useTokenEndpointTimeout(Duration.ofMillis(700));
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH))
                .willReturn(okJson(TokenEndpoint.tokenJson("too-late", 3600)).withFixedDelay(3000)));

        KsmTokenException e = catchThrowableOfType(KsmTokenException.class, () -> provider.token(credential()));

        assertThat(e.getReason()).isEqualTo(Reason.TRANSPORT);
        assertThat(e.getHttpStatus()).isEqualTo(KsmTokenException.NO_STATUS);
        assertThat(e.getAttempts()).isEqualTo(3);
        assertThat(e.getMessage()).contains("timed out").contains("token endpoint timeout PT0.7S")
                .endsWith("(3 attempts; retries exhausted)");
        assertThat(provider.statistics().failures()).isEqualTo(1);
        TokenResponseErrorsTest.assertNoSecret(e);
    }

    @Test
    void aHungServerIsAbandonedAtTheTokenFetchDeadlineNamingBothLimits() {
        provider.close();
        provider = OAuth2TokenProvider.create(OAuth2Settings.builder()
                .retryPolicy(RetryPolicy.defaults().withMaxRetries(10).withBackoff(Duration.ofMillis(20),
                        Duration.ofMillis(50)))
                .tokenEndpointTimeout(Duration.ofMillis(300)).tokenFetchDeadline(Duration.ofMillis(800)).build());
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH))
                .willReturn(okJson(TokenEndpoint.tokenJson("too-late", 3600)).withFixedDelay(1500)));

        KsmTokenException e = catchThrowableOfType(KsmTokenException.class, () -> provider.token(credential()));
        awaitServed(e.getAttempts());

        assertThat(e.getReason()).isEqualTo(Reason.TRANSPORT);
        // 11 attempts were allowed; the deadline leaves room for at most 3 of 300 ms (and a cut-short fourth)
        assertThat(e.getAttempts()).isBetween(1, 4);
        assertThat(e.getMessage()).contains("timed out").contains("token endpoint timeout PT0.3S per attempt")
                .contains("token fetch deadline PT0.8S");
        assertThat(provider.statistics().failures()).isEqualTo(1);
        TokenResponseErrorsTest.assertNoSecret(e);
    }

    @Test
    void aRetryAfterBeyondTheDeadlineFailsAtOnce() {
        provider.close();
        provider = OAuth2TokenProvider.create(OAuth2Settings.builder().retryPolicy(FAST)
                .tokenFetchDeadline(Duration.ofSeconds(3)).build());
        firstThenToken(aResponse().withStatus(503).withHeader("Retry-After", "10"));

        KsmTokenException e = catchThrowableOfType(KsmTokenException.class, () -> provider.token(credential()));

        assertThat(e.getReason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.getAttempts()).isEqualTo(1);
        // (on a very slow machine the first answer itself may take up the whole deadline)
        assertThat(e.getMessage()).contains("(1 attempt; gave up: ")
                .contains("token fetch deadline PT3S (token endpoint timeout PT15S per attempt)");
        assertThat(requestCount()).isEqualTo(1);
    }

    @Test
    void persistentServerErrorsFailWithTheLastStatusAndCode() {
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"temporarily_unavailable\"}")));

        KsmTokenException e = catchThrowableOfType(KsmTokenException.class, () -> provider.token(credential()));

        assertThat(e.getReason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getHttpStatus()).isEqualTo(500);
        assertThat(e.getErrorCode()).contains("temporarily_unavailable");
        assertThat(e.getMessage()).endsWith("(3 attempts; retries exhausted)");
        assertThat(requestCount()).isEqualTo(3);
    }

    @Test
    void withRetriesOffOneAttemptIsMade() {
        provider.close();
        provider = provider(RetryPolicy.none(), Duration.ofSeconds(10));
        firstThenToken(aResponse().withStatus(503));

        KsmTokenException e = catchThrowableOfType(KsmTokenException.class, () -> provider.token(credential()));

        assertThat(e.getMessage()).endsWith("(1 attempt; retries are off)");
        assertThat(requestCount()).isEqualTo(1);
        // the failure was not cached: the next exchange tries again
        assertThat(provider.token(credential()).value().reveal()).isEqualTo("after-retry");
    }

    @Test
    void aConnectionRefusedIsATransportFailure() {
        provider.close();
        provider = provider(RetryPolicy.defaults().withMaxRetries(1).withBackoff(Duration.ofMillis(1),
                Duration.ofMillis(1)), Duration.ofSeconds(10));
        Credential nobodyListens = credential().toBuilder()
                .field(CredentialField.TOKEN_URL, "http://127.0.0.1:1/token").build();

        KsmTokenException e = catchThrowableOfType(KsmTokenException.class, () -> provider.token(nobodyListens));

        assertThat(e.getReason()).isEqualTo(Reason.TRANSPORT);
        assertThat(e.getMessage()).contains("the connection failed: ConnectException").endsWith("(2 attempts;"
                                                                                                 + " retries exhausted)");
    }
}
