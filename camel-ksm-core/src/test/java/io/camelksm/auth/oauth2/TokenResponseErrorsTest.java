package io.camelksm.auth.oauth2;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.camelksm.auth.oauth2.KsmTokenException.Reason;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;

/** Error responses and bodies that are not token responses: clear errors, no retries, never a secret. */
class TokenResponseErrorsTest {

    @RegisterExtension
    static WireMockExtension server = TokenEndpoint.extension(false);

    /** Gzipped, chunked bodies without Content-Length, as WireMock sends by default. */
    @RegisterExtension
    static WireMockExtension streaming = TokenEndpoint.extension(true);

    private static final String CLIENT_SECRET = "Sup3r-S3cret-Value";

    private OAuth2TokenProvider provider;

    @BeforeEach
    void start() {
        // retries on: only the retryable failures may use them
        provider = OAuth2TokenProvider.create(OAuth2Settings.builder().maxResponseBytes(1024)
                .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(20)))
                .build());
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private Credential credential(String method) {
        return Credential.builder("Graph", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "client-1")
                .secret(CredentialField.CLIENT_SECRET, Secret.of(CLIENT_SECRET))
                .field(CredentialField.CLIENT_AUTHENTICATION_METHOD, method)
                .field(CredentialField.TOKEN_URL, TokenEndpoint.url(server))
                .build();
    }

    private KsmTokenException fail(ResponseDefinitionBuilder response) {
        return fail(response, "client_secret_basic");
    }

    private KsmTokenException fail(ResponseDefinitionBuilder response, String method) {
        server.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).willReturn(response));
        KsmTokenException e = catchThrowableOfType(KsmTokenException.class, () -> provider.token(credential(method)));
        assertThat(e).as("a KsmTokenException").isNotNull();
        assertNoSecret(e);
        return e;
    }

    /** Neither the secret, nor its encodings, nor the Basic header appear anywhere in the failure chain. */
    static void assertNoSecret(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(CLIENT_SECRET).doesNotContain("S3cret")
                    .doesNotContain("Basic ").doesNotContain("Y2xpZW50LTE6");
            assertThat(t.toString()).doesNotContain(CLIENT_SECRET);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403})
    void rejectionsFailAtOnceWithTheServersErrorCode(int status) {
        KsmTokenException e = fail(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}"));

        assertThat(e.getReason()).isEqualTo(Reason.REJECTED);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getHttpStatus()).isEqualTo(status);
        assertThat(e.getErrorCode()).contains("invalid_client");
        assertThat(e.getAttempts()).isEqualTo(1);
        assertThat(e.getCredentialName().value()).isEqualTo("Graph");
        assertThat(e).hasMessage("Token request for credential 'Graph' to " + TokenEndpoint.url(server)
                                 + " failed with HTTP " + status + ": error 'invalid_client': Client authentication"
                                 + " failed (1 attempt)");
        assertThat(TokenEndpoint.requests(server)).hasSize(1);
    }

    @Test
    void aServerEchoingTheSecretOrItsEncodingIsMasked() {
        KsmTokenException e = fail(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"secret " + CLIENT_SECRET
                          + " is wrong; form client_secret=Sup3r-S3cret-Value\\r\\nInjected: yes\"}"),
                "client_secret_post");

        assertThat(e.getMessage()).contains("secret ****** is wrong; form client_secret=******  Injected: yes")
                .doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void aNonJsonErrorBodyIsDescribedNotQuoted() {
        KsmTokenException e = fail(aResponse().withStatus(401).withHeader("Content-Type", "text/html")
                .withBody("<html>login page for client-1</html>"));

        assertThat(e.getErrorCode()).isEmpty();
        assertThat(e.getMessage()).contains("HTTP 401: no OAuth 2.0 error in the body (36 bytes, Content-Type"
                                            + " text/html)").doesNotContain("login page");
    }

    @Test
    void aNonJsonSuccessBodyIsAClearError() {
        KsmTokenException e = fail(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html>access_token=abc</html>"));

        assertThat(e.getReason()).isEqualTo(Reason.INVALID_RESPONSE);
        assertThat(e.getMessage()).contains("HTTP 200: the response body is not valid JSON at line 1, column")
                .contains("Content-Type text/html").doesNotContain("abc");
        assertThat(TokenEndpoint.requests(server)).hasSize(1);
    }

    @Test
    void anEmptyBodyIsAClearError() {
        KsmTokenException e = fail(aResponse().withStatus(200).withHeader("Content-Type", "application/json"));

        assertThat(e.getMessage()).contains("HTTP 200: the response body is empty");
    }

    @Test
    void aTruncatedJsonBodyIsAClearError() {
        KsmTokenException e = fail(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"eyJhbGciOi"));

        assertThat(e.getReason()).isEqualTo(Reason.INVALID_RESPONSE);
        assertThat(e.getMessage()).contains("not valid JSON").contains("truncated").doesNotContain("eyJhbGciOi");
    }

    @Test
    void anOversizedBodyIsRefusedWithoutReadingIt() {
        String huge = "{\"access_token\":\"" + "a".repeat(4000) + "\"}";
        KsmTokenException declared = fail(aResponse().withStatus(200).withBody(huge));
        assertThat(declared.getMessage()).contains("the response body is " + huge.length()
                                                   + " bytes, more than the 1024 allowed");

        streaming.stubFor(post(urlEqualTo(TokenEndpoint.PATH)).willReturn(aResponse().withStatus(200).withBody(huge)));
        Credential streamed = credential("client_secret_basic").toBuilder()
                .field(CredentialField.TOKEN_URL, TokenEndpoint.url(streaming)).build();
        KsmTokenException chunked = catchThrowableOfType(KsmTokenException.class, () -> provider.token(streamed));
        assertThat(chunked.getReason()).isEqualTo(Reason.INVALID_RESPONSE);
        assertThat(streaming.getAllServeEvents().get(0).getResponse().getHeaders().getHeader("Content-Length")
                .isPresent()).isFalse();
        assertThat(chunked.getMessage()).contains("the response body is longer than the 1024 bytes allowed");
    }

    @Test
    void responsesWithoutAUsableTokenAreClearErrors() {
        assertThat(fail(json("{\"token_type\":\"Bearer\"}")).getMessage()).contains("the response has no access_token");
        assertThat(fail(json("[{\"access_token\":\"a\"}]")).getMessage()).contains("JSON but not an object");
        assertThat(fail(json("{\"access_token\":42}")).getMessage()).contains("access_token is not a non-empty string");
        assertThat(fail(json("{\"access_token\":\"a\\r\\nX-Injected: 1\"}")).getMessage())
                .contains("access_token holds characters not allowed in an HTTP header");
        assertThat(fail(json("{\"access_token\":\"a\",\"expires_in\":\"soon\"}")).getMessage())
                .contains("expires_in is neither a number nor a numeric string");
        assertThat(fail(json("{\"access_token\":\"a\",\"expires_in\":-5}")).getMessage())
                .contains("expires_in -5 is out of range");
        assertThat(fail(json("{\"access_token\":\"a\",\"access_token\":\"b\"}")).getMessage())
                .contains("not valid JSON");
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void unexpectedClientErrorsAreNotRetriedEither() {
        KsmTokenException e = fail(aResponse().withStatus(404));

        assertThat(e.getReason()).isEqualTo(Reason.REJECTED);
        assertThat(e.getHttpStatus()).isEqualTo(404);
        assertThat(TokenEndpoint.requests(server)).hasSize(1);
    }
}
