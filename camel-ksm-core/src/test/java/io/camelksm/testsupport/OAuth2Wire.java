package io.camelksm.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.camelksm.credential.Secret;

/**
 * One WireMock server on 127.0.0.1 playing both the authorization server ({@value #TOKEN_PATH}) and the Web API the
 * route calls ({@code /api/...}), with helpers that read what it received independently of the code under test.
 */
public final class OAuth2Wire {

    public static final String TOKEN_PATH = "/oauth2/token";

    /** One RSA key pair per test run: generating them is slow. */
    public static final KeyPair RSA = rsa();

    private OAuth2Wire() {
    }

    public static WireMockExtension server() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true)
                        .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER))
                .build();
    }

    public static String tokenUrl(WireMockExtension server) {
        return "http://127.0.0.1:" + server.getPort() + TOKEN_PATH;
    }

    /** A camel-http endpoint URI of the API on the same server. */
    public static String api(WireMockExtension server, String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    public static String tokenJson(String token, int expiresIn) {
        return "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}";
    }

    /** Every token request is answered with this token. */
    public static void issue(WireMockExtension server, String token, int expiresIn) {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson(tokenJson(token, expiresIn))));
    }

    public static List<LoggedRequest> tokenRequests(WireMockExtension server) {
        return requests(server, TOKEN_PATH);
    }

    public static List<LoggedRequest> apiRequests(WireMockExtension server) {
        return oldestFirst(server, r -> r.getUrl().startsWith("/api/"));
    }

    /** Requests to the path, oldest first. */
    public static List<LoggedRequest> requests(WireMockExtension server, String path) {
        return oldestFirst(server, r -> r.getUrl().equals(path));
    }

    private static List<LoggedRequest> oldestFirst(WireMockExtension server, Predicate<LoggedRequest> wanted) {
        // WireMock lists the newest first
        List<LoggedRequest> requests = new ArrayList<>(server.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(wanted).toList());
        Collections.reverse(requests);
        return requests;
    }

    /** The form of a request, decoded independently of the code under test. */
    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        String body = request.getBodyAsString();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    /** The decoded JSON of a compact JWT's part (0 = header, 1 = claims). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> jwtPart(String jwt, int part) {
        try {
            return new ObjectMapper().readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[part]), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks an RS256 signature with the JDK alone, not with the library that signed. */
    public static boolean verifyRs256(String jwt, PublicKey key) {
        String[] parts = jwt.split("\\.");
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The same JWT with one claim changed and the original signature kept. */
    public static String tamper(String jwt, String claim, Object value) {
        String[] parts = jwt.split("\\.");
        Map<String, Object> claims = jwtPart(jwt, 1);
        claims.put(claim, value);
        try {
            String payload = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(new ObjectMapper().writeValueAsBytes(claims));
            return parts[0] + "." + payload + "." + parts[2];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The private key as PKCS#8 PEM, as a credential stores it. */
    public static Secret pem(KeyPair pair) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded());
        return Secret.of("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
