package io.camelksm.auth.oauth2;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;

/**
 * The token provider's side of tokenSharing=cluster, against an in-memory {@link SharedTokens} (the PostgreSQL one is
 * tested in store.jdbc): which key it asks for, when it asks, and what it tells the cluster.
 */
class SharedTokensProviderTest {

    @RegisterExtension
    static WireMockExtension server = TokenEndpoint.extension();

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    /** Tokens in a map, the single flight left out: what the provider asks and tells is recorded. */
    static class MemoryTokens implements SharedTokens {
        final byte[] key;
        final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
        final List<SharedTokenKey> asked = new ArrayList<>();
        final List<SharedTokenKey> rejected = new ArrayList<>();
        final List<Duration> waits = new ArrayList<>();

        MemoryTokens(byte fill) {
            key = new byte[32];
            Arrays.fill(key, fill);
        }

        @Override
        public byte[] fingerprintKey() {
            return key.clone();
        }

        @Override
        public synchronized AccessToken token(SharedTokenKey k, Predicate<AccessToken> fresh, Duration wait,
                                              Supplier<AccessToken> fetch) {
            asked.add(k);
            waits.add(wait);
            AccessToken stored = tokens.get(k.id());
            if (stored != null && fresh.test(stored)) {
                return stored;
            }
            AccessToken token = fetch.get();
            if (!token.isSingleUse()) {
                tokens.put(k.id(), token);
            }
            return token;
        }

        @Override
        public synchronized void rejected(SharedTokenKey k, AccessToken token) {
            rejected.add(k);
            tokens.remove(k.id(), token);
        }

        @Override
        public void close() {
        }
    }

    private OAuth2TokenProvider provider(SharedTokens shared) {
        OAuth2TokenProvider provider = OAuth2TokenProvider.create(OAuth2Settings.builder()
                .retryPolicy(RetryPolicy.none()).tokenFetchDeadline(Duration.ofSeconds(7)).build(), shared);
        opened.add(provider);
        return provider;
    }

    /** A new, equal instance each time: as another node reads it from the database. */
    private static Credential credential() {
        return Credential.builder("Shared", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "client")
                .secret(CredentialField.CLIENT_SECRET, Secret.of("s3cret"))
                .field(CredentialField.TOKEN_URL, TokenEndpoint.url(server)).build();
    }

    private static void issue(int count) {
        for (int i = 1; i <= count; i++) {
            server.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).inScenario("tokens")
                    .whenScenarioStateIs(i == 1 ? STARTED : "issued-" + (i - 1))
                    .willReturn(okJson(TokenEndpoint.tokenJson("tok-" + i, 600))).willSetStateTo("issued-" + i));
        }
    }

    @Test
    void nodesWithTheSameFingerprintKeyAgreeOnTheTokenKeyAndShareTheToken() {
        issue(2);
        MemoryTokens cluster = new MemoryTokens((byte) 7);
        OAuth2TokenProvider a = provider(cluster);
        OAuth2TokenProvider b = provider(cluster);

        assertThat(a.token(credential(), TokenRequestOptions.scope("read write")).value().reveal())
                .isEqualTo("tok-1");
        assertThat(b.token(credential(), TokenRequestOptions.scope("write read")).value().reveal())
                .as("an equal credential and the same scope set: the same key").isEqualTo("tok-1");
        assertThat(TokenEndpoint.requests(server)).hasSize(1);
        assertThat(cluster.asked).hasSize(2).allSatisfy(k -> assertThat(k).isEqualTo(cluster.asked.get(0)));
        assertThat(cluster.asked.get(0).credential()).isEqualTo(CredentialName.of("Shared"));
        assertThat(cluster.waits).as("the wait is the fetch deadline").containsOnly(Duration.ofSeconds(7));

        assertThat(b.token(credential(), TokenRequestOptions.scope("read write")).value().reveal())
                .as("now cached on b").isEqualTo("tok-1");
        assertThat(cluster.asked).as("a fresh local token never asks the cluster").hasSize(2);

        assertThat(a.token(credential(), TokenRequestOptions.scope("read")).value().reveal())
                .as("another scope, another key").isEqualTo("tok-2");
        assertThat(cluster.asked.get(2)).isNotEqualTo(cluster.asked.get(0));
    }

    @Test
    void aDifferentFingerprintKeyGivesDifferentTokenKeys() {
        issue(2);
        MemoryTokens one = new MemoryTokens((byte) 1);
        MemoryTokens two = new MemoryTokens((byte) 2);
        provider(one).token(credential());
        provider(two).token(credential());
        assertThat(one.asked.get(0).id()).isNotEqualTo(two.asked.get(0).id());
        assertThat(TokenEndpoint.requests(server)).hasSize(2);
    }

    @Test
    void aRejectedTokenIsReportedToTheClusterButACredentialEvictionStaysLocal() {
        issue(2);
        MemoryTokens cluster = new MemoryTokens((byte) 3);
        OAuth2TokenProvider a = provider(cluster);
        AccessToken first = a.token(credential());

        a.evict(CredentialName.of("Shared"));
        assertThat(cluster.rejected).isEmpty();
        assertThat(a.token(credential())).as("taken again from the cluster").isSameAs(first);

        assertThat(a.evict(first)).isTrue();
        assertThat(cluster.rejected).containsExactly(cluster.asked.get(0));
        assertThat(a.evict(first)).as("already dropped: told once").isFalse();
        assertThat(cluster.rejected).hasSize(1);
        assertThat(a.token(credential()).value().reveal()).isEqualTo("tok-2");
    }

    @Test
    void aTokenDroppedLocallyByANoticeIsStillReportedWhenItIsRejected() {
        issue(1);
        MemoryTokens cluster = new MemoryTokens((byte) 5);
        OAuth2TokenProvider a = provider(cluster);
        AccessToken first = a.token(credential());
        a.evict(CredentialName.of("Shared")); // what a tokens notice does on every node, this one included

        assertThat(a.evict(first)).as("a route still sent it and got a 401").isTrue();
        assertThat(cluster.rejected).containsExactly(cluster.asked.get(0));
        assertThat(cluster.tokens).isEmpty();
        assertThat(a.evict(first)).isFalse();
        assertThat(cluster.rejected).hasSize(1);
    }

    @Test
    void theClusterCountersShowInTheStatistics() {
        SharedTokens counting = new MemoryTokens((byte) 4) {
            @Override
            public long tokensUsed() {
                return 5;
            }

            @Override
            public long waitTimeouts() {
                return 2;
            }
        };
        TokenProviderStatistics statistics = provider(counting).statistics();
        assertThat(statistics.clusterTokensUsed()).isEqualTo(5);
        assertThat(statistics.clusterWaitTimeouts()).isEqualTo(2);
        assertThat(provider(null).statistics().clusterTokensUsed()).isZero();
    }
}
