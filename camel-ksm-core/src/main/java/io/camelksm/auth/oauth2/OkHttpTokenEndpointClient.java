package io.camelksm.auth.oauth2;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.camelksm.credential.Secret;
import io.camelksm.auth.oauth2.KsmTokenException.Reason;
import io.camelksm.auth.oauth2.TokenResponseParser.ErrorBody;
import io.camelksm.auth.oauth2.TokenResponseParser.InvalidBodyException;

import okhttp3.Call;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Sends token requests with OkHttp 5: a POST of the form to the credential's token URL, no redirects followed, no
 * cookies, no transparent retries (retries are {@link RetryPolicy}'s job, so they can be counted and bounded), at most
 * {@link OAuth2Settings#maxResponseBytes()} read.
 */
public final class OkHttpTokenEndpointClient implements TokenEndpointClient {

    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

    private final OkHttpClient http;
    private final OAuth2Settings settings;
    private final boolean ownsClient;

    /**
     * Uses the given shared client (its connection pool and dispatcher) with the token endpoint's own timeout and
     * safety settings. The shared client stays the caller's to close.
     */
    public OkHttpTokenEndpointClient(OkHttpClient shared, OAuth2Settings settings) {
        this(shared, settings, false);
    }

    /** Creates its own client from the settings and closes it in {@link #close()}. */
    public OkHttpTokenEndpointClient(OAuth2Settings settings) {
        this(newSharedClient(settings), settings, true);
    }

    private OkHttpTokenEndpointClient(OkHttpClient shared, OAuth2Settings settings, boolean ownsClient) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(shared, "shared client").newBuilder()
                .callTimeout(settings.tokenEndpointTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .cookieJar(CookieJar.NO_COOKIES)
                .cache(null)
                .build();
        this.ownsClient = ownsClient;
    }

    /**
     * The one {@link OkHttpClient} to share for HTTP calls (token requests derive from it): connect, read, write and
     * call timeouts from the settings.
     */
    public static OkHttpClient newSharedClient(OAuth2Settings settings) {
        return new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.writeTimeout())
                .callTimeout(settings.callTimeout())
                .build();
    }

    @Override
    public TokenResponse send(TokenRequest request) {
        return send(request, settings.tokenEndpointTimeout());
    }

    @Override
    public TokenResponse send(TokenRequest request, Duration timeout) {
        Duration limit = timeout == null || timeout.compareTo(settings.tokenEndpointTimeout()) > 0
                ? settings.tokenEndpointTimeout() : timeout;
        HttpUrl url = HttpUrl.parse(request.tokenUrl().toString());
        if (url == null) {
            throw KsmTokenException.configuration(request.credentialName(), "tokenUrl " + request.displayUrl()
                    + " is not a URL OkHttp can send to");
        }
        if (!url.isHttps() && !settings.allowPlainHttp()
            && !LoopbackHost.isLoopback(url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host())) {
            // the factory checked the URL as java.net.URI reads it; OkHttp must read the same loopback host
            throw KsmTokenException.configuration(request.credentialName(), "tokenUrl " + request.displayUrl()
                    + " uses plain http to a host that is not loopback");
        }
        byte[] form = request.encodeForm();
        Request.Builder post = new Request.Builder()
                .url(url)
                .header("Accept", "application/json")
                .post(RequestBody.create(form, FORM));
        request.authorization().ifPresent(value -> post.header("Authorization", value.reveal()));
        Call call = http.newCall(post.build());
        call.timeout().timeout(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            return handle(request, response);
        } catch (KsmTokenException e) {
            throw e;
        } catch (IOException e) {
            throw transportFailure(request, e, limit);
        } finally {
            TokenRequest.wipe(form);
        }
    }

    private TokenResponse handle(TokenRequest request, Response response) throws IOException {
        int status = response.code();
        String contentType = response.header("Content-Type");
        if (status >= 300 && status < 400) {
            throw failure(request, Reason.INVALID_RESPONSE, status, null, null,
                    "the token endpoint answered with a redirect, which is not followed: token requests go only to"
                    + " the credential's token URL");
        }
        byte[] body = readLimited(request, status, response.body());
        try {
            if (status >= 200 && status < 300) {
                try {
                    return TokenResponseParser.parseSuccess(body, contentType);
                } catch (InvalidBodyException e) {
                    throw failure(request, Reason.INVALID_RESPONSE, status, null, null, e.getMessage());
                }
            }
            Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), settings.clock().instant())
                    .orElse(null);
            Reason reason = status == 429 ? Reason.RATE_LIMITED
                    : status >= 500 || status == 408 ? Reason.SERVER_ERROR
                    : Reason.REJECTED;
            ErrorBody error = TokenResponseParser.parseError(body);
            List<Secret> secrets = request.secrets();
            String code = error == null ? null : ServerText.sanitize(error.error(), secrets);
            String problem;
            if (error == null) {
                problem = "no OAuth 2.0 error in the body (" + body.length + " bytes, Content-Type "
                          + (contentType == null ? "none" : contentType) + ")";
            } else {
                String description = ServerText.sanitize(error.description(), secrets);
                problem = "error '" + code + "'" + (description == null ? "" : ": " + description);
            }
            throw failure(request, reason, status, code, retryAfter, problem);
        } finally {
            TokenRequest.wipe(body);
        }
    }

    /** Reads the body, but never more than the configured limit: a huge body is an error, not a memory hazard. */
    private byte[] readLimited(TokenRequest request, int status, ResponseBody body) throws IOException {
        int max = settings.maxResponseBytes();
        long declared = body.contentLength();
        if (declared > max) {
            throw failure(request, Reason.INVALID_RESPONSE, status, null, null,
                    "the response body is " + declared + " bytes, more than the " + max + " allowed");
        }
        BufferedSource source = body.source();
        try {
            if (source.request(max + 1L)) {
                throw failure(request, Reason.INVALID_RESPONSE, status, null, null,
                        "the response body is longer than the " + max + " bytes allowed");
            }
            byte[] bytes = source.getBuffer().readByteArray();
            if (declared >= 0 && bytes.length < declared) {
                throw new IOException("the response body ended after " + bytes.length + " of " + declared + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            if (e instanceof InterruptedIOException) {
                throw e;
            }
            throw failure(request, Reason.TRANSPORT, status, null, null,
                    "the response body was cut off (truncated): " + describe(e), e);
        }
    }

    private KsmTokenException transportFailure(TokenRequest request, IOException e, Duration limit) {
        if (Thread.currentThread().isInterrupted()) {
            return failure(request, Reason.INTERRUPTED, KsmTokenException.NO_STATUS, null, null,
                    "interrupted while waiting for the token endpoint", e);
        }
        String problem = e instanceof SocketTimeoutException || e instanceof InterruptedIOException
                ? "timed out (" + describe(e) + "; " + limits(limit) + ")"
                : "the connection failed: " + describe(e);
        return failure(request, Reason.TRANSPORT, KsmTokenException.NO_STATUS, null, null, problem, e);
    }

    /** Both limits, so that a timeout message tells which one struck. */
    private String limits(Duration limit) {
        Duration perAttempt = settings.tokenEndpointTimeout();
        Duration deadline = settings.tokenFetchDeadline();
        return limit.compareTo(perAttempt) < 0
                ? "this attempt had the " + limit + " left of the token fetch deadline " + deadline
                  + "; token endpoint timeout " + perAttempt + " per attempt"
                : "token endpoint timeout " + perAttempt + " per attempt, token fetch deadline " + deadline
                  + " overall";
    }

    private static String describe(IOException e) {
        // OkHttp's messages name hosts and protocol states, never request bodies or headers
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + ServerText.sanitize(e.getMessage(), List.of());
    }

    private static KsmTokenException failure(TokenRequest request, Reason reason, int status, String code,
                                             Duration retryAfter, String problem) {
        return failure(request, reason, status, code, retryAfter, problem, null);
    }

    private static KsmTokenException failure(TokenRequest request, Reason reason, int status, String code,
                                             Duration retryAfter, String problem, Throwable cause) {
        String message = "Token request for credential '" + request.credentialName() + "' to "
                         + request.displayUrl() + " failed" + (status < 0 ? "" : " with HTTP " + status) + ": "
                         + problem;
        return new KsmTokenException(request.credentialName(), reason, status, code, retryAfter, 1, message, cause);
    }

    @Override
    public void close() {
        if (ownsClient) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
