package io.camelksm.auth.oauth2;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;
import io.camelksm.testsupport.TestClock;

/** The token cache, driven through the provider against WireMock, with a clock the test controls. */
class TokenCacheTest {

    @RegisterExtension
    static WireMockExtension server = TokenEndpoint.extension();

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private final TestClock clock = new TestClock(START);
    private OAuth2TokenProvider provider = provider(Duration.ofSeconds(60), Duration.ZERO);
    private ExecutorService pool;

    private OAuth2TokenProvider provider(Duration clockSkew, Duration refreshAhead) {
        return OAuth2TokenProvider.create(OAuth2Settings.builder().clock(clock).clockSkew(clockSkew)
                .refreshAhead(refreshAhead).retryPolicy(RetryPolicy.none()).build());
    }

    private void useProvider(Duration clockSkew, Duration refreshAhead) {
        provider.close();
        provider = provider(clockSkew, refreshAhead);
    }

    @AfterEach
    void stop() throws InterruptedException {
        provider.close();
        if (pool != null) {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private Credential.Builder credential(String secret) {
        return Credential.builder("Graph", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "client-1")
                .secret(CredentialField.CLIENT_SECRET, Secret.of(secret))
                .field(CredentialField.TOKEN_URL, TokenEndpoint.url(server));
    }

    private Credential credential() {
        return credential("secret-1").build();
    }

    /** Each request gets the next token of the list; the last one repeats. */
    private void tokensInSequence(long expiresIn, String... tokens) {
        for (int i = 0; i < tokens.length; i++) {
            String state = i == 0 ? STARTED : "issued-" + i;
            var stub = post(urlEqualTo(TokenEndpoint.PATH)).inScenario("sequence").whenScenarioStateIs(state)
                    .willReturn(okJson(TokenEndpoint.tokenJson(tokens[i], expiresIn)));
            if (i + 1 < tokens.length) {
                stub = stub.willSetStateTo("issued-" + (i + 1));
            }
            server.stubFor(stub);
        }
    }

    private int requestCount() {
        return TokenEndpoint.requests(server).size();
    }

    private static String value(AccessToken token) {
        return token.value().reveal();
    }

    @Test
    void aCachedTokenIsReused() {
        tokensInSequence(3600, "t1", "t2");

        AccessToken first = provider.token(credential());
        AccessToken second = provider.token(credential());

        assertThat(second).isSameAs(first);
        assertThat(requestCount()).isEqualTo(1);
        assertThat(provider.statistics().cacheHits()).isEqualTo(1);
        assertThat(provider.statistics().tokensFetched()).isEqualTo(1);
    }

    /**
     * The provider remembers its resolution (and cache entry) per credential instance, as the governed credential cache
     * lends one instance to every request: the same instance must still follow expiry and eviction.
     */
    @Test
    void theSameCredentialInstanceFollowsExpiryAndEviction() {
        tokensInSequence(3600, "t1", "t2", "t3");
        Credential lent = credential();

        assertThat(value(provider.token(lent))).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(3539));
        assertThat(value(provider.token(lent))).isEqualTo("t1");
        assertThat(requestCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        AccessToken second = provider.token(lent);
        assertThat(value(second)).isEqualTo("t2");
        assertThat(provider.token(lent)).isSameAs(second);

        assertThat(provider.evict(second)).isTrue();
        assertThat(value(provider.token(lent))).isEqualTo("t3");
        provider.evict(lent.name());
        assertThat(value(provider.token(lent))).isEqualTo("t3"); // the last stub repeats: fetched again
        assertThat(requestCount()).isEqualTo(4);
        assertThat(provider.statistics().cacheHits()).isEqualTo(2);
    }

    /** An entry a caller kept is not used once it has left the map: the token goes to the entry in the map. */
    @Test
    void aKeptEntryThatWasRemovedIsLookedUpAgain() {
        TokenCache cache = new TokenCache(clock, Duration.ofSeconds(60), Duration.ZERO, new StatisticsCounters());
        Credential graph = credential();
        TokenCacheKey key = TokenCacheKey.of(graph.name(), "fingerprint", new GrantParameters(
                "client_credentials", java.net.URI.create(TokenEndpoint.url(server)), null, null, null, null));
        TokenCache.Entry kept = cache.entry(key);
        AccessToken t1 = token("t1");
        assertThat(cache.get(key, kept, () -> t1)).isSameAs(t1);
        assertThat(cache.fresh(kept)).isSameAs(t1);

        cache.evict(graph.name());
        assertThat(cache.fresh(kept)).as("a removed entry is never served").isNull();
        AccessToken t2 = token("t2");
        assertThat(cache.get(key, kept, () -> t2)).isSameAs(t2);
        assertThat(cache.get(key, () -> {
            throw new AssertionError("t2 must be cached in the map, not in the removed entry");
        })).isSameAs(t2);

        TokenCache.Entry current = cache.entry(key);
        cache.clear();
        assertThat(cache.fresh(current)).isNull();
        assertThat(cache.size()).isZero();
    }

    private AccessToken token(String value) {
        return new AccessToken(Secret.of(value), clock.instant(), clock.instant().plusSeconds(3600), null);
    }

    @Test
    void aTokenIsHandedOutUntilExpiresInMinusTheClockSkew() {
        tokensInSequence(3600, "t1", "t2");
        assertThat(value(provider.token(credential()))).isEqualTo("t1");

        clock.advance(Duration.ofSeconds(3539));
        assertThat(value(provider.token(credential()))).isEqualTo("t1");
        assertThat(requestCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        AccessToken next = provider.token(credential());
        assertThat(value(next)).isEqualTo("t2");
        assertThat(next.issuedAt()).isEqualTo(START.plusSeconds(3540));
        assertThat(requestCount()).isEqualTo(2);
    }

    @Test
    void theClockSkewIsConfigurable() {
        useProvider(Duration.ofSeconds(300), Duration.ZERO);
        tokensInSequence(3600, "t1", "t2");
        provider.token(credential());

        clock.advance(Duration.ofSeconds(3299));
        assertThat(value(provider.token(credential()))).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(value(provider.token(credential()))).isEqualTo("t2");
    }

    @Test
    void shortLivedTokensKeepThreeQuartersOfTheirLifetime() {
        // the 60 s skew is capped at a quarter of the 60 s lifetime: 15 s
        tokensInSequence(60, "t1", "t2");
        provider.token(credential());

        clock.advance(Duration.ofSeconds(44));
        assertThat(value(provider.token(credential()))).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(value(provider.token(credential()))).isEqualTo("t2");
    }

    @Test
    void withDefaultSettingsASixtySecondTokenIsRefreshedAheadAfterFortySeconds() {
        // defaults: skew 60 s (capped at 15 s), refresh-ahead 30 s (capped at a tenth of the usable 45 s: 4.5 s)
        useProvider(OAuth2Settings.builder().build().clockSkew(), OAuth2Settings.builder().build().refreshAhead());
        tokensInSequence(60, "t1", "t2", "t3");
        provider.token(credential());

        clock.advance(Duration.ofMillis(40_499));
        assertThat(value(provider.token(credential()))).isEqualTo("t1");
        assertThat(requestCount()).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(value(provider.token(credential()))).isEqualTo("t2");
        assertThat(provider.statistics().refreshesAhead()).isEqualTo(1);

        // over 3 lifetimes (180 s) of steady use: at most 2 requests per lifetime, never an expired token
        for (int second = 41; second <= 180; second++) {
            clock.advance(Duration.ofSeconds(1));
            AccessToken token = provider.token(credential());
            assertThat(token.expiresAt()).isAfter(clock.instant());
        }
        assertThat(requestCount()).isLessThanOrEqualTo(6).isGreaterThanOrEqualTo(4);
    }

    @Test
    void shortLivedTokensGetATenthOfTheirUsableLifetimeAsRefreshWindow() {
        useProvider(Duration.ofSeconds(60), Duration.ofSeconds(30));
        // 100 s token: skew 25 s, usable 75 s, refresh window 7.5 s: from 67.5 s on
        tokensInSequence(100, "t1", "t2");
        provider.token(credential());

        clock.advance(Duration.ofMillis(67_499));
        assertThat(value(provider.token(credential()))).isEqualTo("t1");
        clock.advance(Duration.ofMillis(1));
        assertThat(value(provider.token(credential()))).isEqualTo("t2");
        assertThat(provider.statistics().refreshesAhead()).isEqualTo(1);
    }

    @Test
    void anExpiredTokenIsNeverHandedOutEvenWhenTheServerFails() {
        tokensInSequence(3600, "t1");
        provider.token(credential());
        server.resetAll();
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).willReturn(aResponse().withStatus(503)));

        clock.advance(Duration.ofSeconds(3540));

        assertThatThrownBy(() -> provider.token(credential())).isInstanceOf(KsmTokenException.class)
                .hasMessageContaining("HTTP 503");
    }

    @Test
    void theFirstCallerInTheRefreshWindowFetchesTheSuccessor() {
        useProvider(Duration.ofSeconds(60), Duration.ofSeconds(30));
        tokensInSequence(3600, "t1", "t2");
        provider.token(credential());

        clock.advance(Duration.ofSeconds(3509));
        assertThat(value(provider.token(credential()))).isEqualTo("t1");
        assertThat(requestCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(value(provider.token(credential()))).isEqualTo("t2");
        assertThat(requestCount()).isEqualTo(2);
        assertThat(provider.statistics().refreshesAhead()).isEqualTo(1);
    }

    @Test
    void whileOneCallerRefreshesAheadTheOthersKeepTheValidTokenWithoutWaiting() throws Exception {
        useProvider(Duration.ofSeconds(60), Duration.ofSeconds(30));
        tokensInSequence(3600, "t1");
        provider.token(credential());
        server.resetAll();
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH))
                .willReturn(okJson(TokenEndpoint.tokenJson("t2", 3600)).withFixedDelay(3000)));
        clock.advance(Duration.ofSeconds(3520));

        pool = Executors.newSingleThreadExecutor();
        Future<AccessToken> refresher = pool.submit(() -> provider.token(credential()));
        while (provider.statistics().refreshesAhead() == 0) {
            Thread.sleep(5);
        }
        long start = System.nanoTime();
        AccessToken meanwhile = provider.token(credential());

        assertThat(value(meanwhile)).isEqualTo("t1");
        // well below the 3 s the refresh takes: nobody waited for it
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
        assertThat(value(refresher.get(10, TimeUnit.SECONDS))).isEqualTo("t2");
        assertThat(value(provider.token(credential()))).isEqualTo("t2");
        assertThat(requestCount()).isEqualTo(1);
    }

    @Test
    void aFailedRefreshAheadKeepsTheStillValidToken() {
        useProvider(Duration.ofSeconds(60), Duration.ofSeconds(30));
        tokensInSequence(3600, "t1");
        provider.token(credential());
        server.resetAll();
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).willReturn(aResponse().withStatus(503)));

        clock.advance(Duration.ofSeconds(3520));
        assertThat(value(provider.token(credential()))).isEqualTo("t1");
        assertThat(value(provider.token(credential()))).isEqualTo("t1");
        // each caller in the window tried again, none was failed by it
        assertThat(requestCount()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(20));
        assertThatThrownBy(() -> provider.token(credential())).isInstanceOf(KsmTokenException.class);
    }

    @Test
    void sixtyFourConcurrentCallersShareOneTokenRequest() throws Exception {
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH))
                .willReturn(okJson(TokenEndpoint.tokenJson("shared", 3600)).withFixedDelay(1000)));

        List<AccessToken> tokens = race(64, () -> provider.token(credential()));

        assertThat(tokens).hasSize(64).allSatisfy(t -> assertThat(value(t)).isEqualTo("shared"));
        assertThat(requestCount()).isEqualTo(1);
        TokenProviderStatistics statistics = provider.statistics();
        assertThat(statistics.tokensFetched()).isEqualTo(1);
        assertThat(statistics.sharedWaits() + statistics.cacheHits()).isEqualTo(63);
        assertThat(statistics.sharedWaits()).isPositive();
    }

    @Test
    void aFailedRequestFailsAllItsWaitersAndIsNotCached() throws Exception {
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).inScenario("s").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\"}").withFixedDelay(1500))
                .willSetStateTo("fixed"));
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).inScenario("s").whenScenarioStateIs("fixed")
                .willReturn(okJson(TokenEndpoint.tokenJson("good", 3600))));

        List<Object> outcomes = race(64, () -> {
            try {
                return provider.token(credential());
            } catch (KsmTokenException e) {
                return e;
            }
        });

        assertThat(outcomes).hasSize(64).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(KsmTokenException.class,
                e -> assertThat(e.getErrorCode()).contains("invalid_client")));
        assertThat(requestCount()).isEqualTo(1);
        assertThat(value(provider.token(credential()))).isEqualTo("good");
        assertThat(requestCount()).isEqualTo(2);
    }

    /** Releases {@code threads} callers at once; each must finish within 20 s (nobody is left hanging). */
    private <T> List<T> race(int threads, Callable<T> call) throws Exception {
        pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.call();
            }));
        }
        assertThat(ready.await(20, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                results.add(future.get(20, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                throw new AssertionError("a caller failed unexpectedly", e.getCause());
            }
        }
        return results;
    }

    @Test
    void aNarrowScopeNeverGetsTheBroadToken() {
        stubForScope("read write", "broad");
        stubForScope("read", "narrow");
        Credential broad = credential("secret-1").field(CredentialField.SCOPE, "read write").build();

        assertThat(value(provider.token(broad))).isEqualTo("broad");
        assertThat(value(provider.token(broad, TokenRequestOptions.scope("read")))).isEqualTo("narrow");
        assertThat(value(provider.token(broad))).isEqualTo("broad");
        assertThat(value(provider.token(broad, TokenRequestOptions.scope("read")))).isEqualTo("narrow");
        // the same scopes in another order are the same grant
        assertThat(value(provider.token(broad, TokenRequestOptions.scope("write  read")))).isEqualTo("broad");
        assertThat(requestCount()).isEqualTo(2);
    }

    private void stubForScope(String scope, String token) {
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).withFormParam("scope", equalTo(scope))
                .willReturn(okJson(TokenEndpoint.tokenJson(token, 3600))));
    }

    @Test
    void audienceAndResourceAreSeparateGrantsToo() {
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).withFormParam("audience", absent())
                .withFormParam("resource", absent()).willReturn(okJson(TokenEndpoint.tokenJson("plain", 3600))));
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).withFormParam("audience", equalTo("a"))
                .willReturn(okJson(TokenEndpoint.tokenJson("for-a", 3600))));
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).withFormParam("resource", equalTo("https://r/"))
                .willReturn(okJson(TokenEndpoint.tokenJson("for-r", 3600))));

        assertThat(value(provider.token(credential()))).isEqualTo("plain");
        assertThat(value(provider.token(credential(), TokenRequestOptions.none().withAudience("a"))))
                .isEqualTo("for-a");
        assertThat(value(provider.token(credential(), TokenRequestOptions.none().withResource("https://r/"))))
                .isEqualTo("for-r");
        assertThat(value(provider.token(credential()))).isEqualTo("plain");
        assertThat(requestCount()).isEqualTo(3);
    }

    @Test
    void aRotatedSecretGetsANewTokenNeverTheOldOne() {
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH))
                .withHeader("Authorization", equalTo(ClientAuthentication.basic("client-1", Secret.of("old-secret"))
                        .reveal()))
                .willReturn(okJson(TokenEndpoint.tokenJson("old-token", 3600))));
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH))
                .withHeader("Authorization", equalTo(ClientAuthentication.basic("client-1", Secret.of("new-secret"))
                        .reveal()))
                .willReturn(okJson(TokenEndpoint.tokenJson("new-token", 3600))));

        assertThat(value(provider.token(credential("old-secret").build()))).isEqualTo("old-token");
        assertThat(value(provider.token(credential("new-secret").build()))).isEqualTo("new-token");
        assertThat(value(provider.token(credential("new-secret").build()))).isEqualTo("new-token");
        assertThat(requestCount()).isEqualTo(2);
    }

    @Test
    void evictingACredentialDropsAllItsTokens() {
        tokensInSequence(3600, "t1", "t2", "t3", "t4");
        Credential credential = credential();
        provider.token(credential);
        provider.token(credential, TokenRequestOptions.scope("other"));
        Credential another = credential("secret-1").build().toBuilder().build();
        assertThat(requestCount()).isEqualTo(2);

        provider.evict(credential.name());

        assertThat(value(provider.token(another))).isEqualTo("t3");
        assertThat(value(provider.token(credential, TokenRequestOptions.scope("other")))).isEqualTo("t4");
        assertThat(provider.statistics().evictions()).isEqualTo(2);
    }

    @Test
    void evictingARejectedTokenDropsItOnlyWhileItIsStillCached() {
        tokensInSequence(3600, "t1", "t2", "t3");
        AccessToken rejected = provider.token(credential());

        assertThat(provider.evict(rejected)).isTrue();
        AccessToken fresh = provider.token(credential());
        assertThat(value(fresh)).isEqualTo("t2");

        // another exchange reports the same old token: the fresh one stays
        assertThat(provider.evict(rejected)).isFalse();
        assertThat(provider.token(credential())).isSameAs(fresh);
        assertThat(requestCount()).isEqualTo(2);
    }

    @Test
    void credentialsWithTheSameSecretsButOtherNamesDoNotShareTokens() {
        tokensInSequence(3600, "t1", "t2");
        Credential other = Credential.builder("Graph-2", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "client-1").secret(CredentialField.CLIENT_SECRET,
                        Secret.of("secret-1")).field(CredentialField.TOKEN_URL, TokenEndpoint.url(server)).build();

        Set<String> values = List.of(provider.token(credential()), provider.token(other)).stream()
                .map(TokenCacheTest::value).collect(Collectors.toSet());

        assertThat(values).containsExactlyInAnyOrder("t1", "t2");
    }

    @Test
    void theServersLifetimeDecidesExpiryNotTheDefault() {
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).willReturn(
                okJson("{\"access_token\":\"t1\",\"token_type\":\"Bearer\",\"expires_in\":120}")));

        AccessToken token = provider.token(credential());

        assertThat(token.expiresAt()).isEqualTo(START.plusSeconds(120));
        // 120 s minus the skew, capped at a quarter of the lifetime (30 s)
        clock.advance(Duration.ofSeconds(89));
        assertThat(provider.token(credential())).isSameAs(token);
        clock.advance(Duration.ofSeconds(1));
        assertThat(provider.token(credential())).isNotSameAs(token);
    }
}
