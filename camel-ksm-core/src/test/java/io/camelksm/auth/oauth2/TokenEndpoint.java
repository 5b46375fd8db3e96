package io.camelksm.auth.oauth2;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** A WireMock token endpoint on 127.0.0.1 with a dynamic port, and helpers to read what it received. */
final class TokenEndpoint {

    static final String PATH = "/oauth2/token";

    private TokenEndpoint() {
    }

    static WireMockExtension extension() {
        return extension(true);
    }

    /**
     * @param streamed whether WireMock may gzip and chunk responses as it does by default (OkHttp asks for gzip and
     *                 unzips transparently); without, bodies come with a Content-Length
     */
    static WireMockExtension extension(boolean streamed) {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(!streamed)
                        .useChunkedTransferEncoding(streamed ? Options.ChunkedEncodingPolicy.ALWAYS
                                : Options.ChunkedEncodingPolicy.NEVER))
                .build();
    }

    static String url(WireMockExtension server) {
        return "http://127.0.0.1:" + server.getPort() + PATH;
    }

    static String tokenJson(String token, Object expiresIn) {
        return "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}";
    }

    /** The form of a request, decoded independently of the code under test. */
    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            form.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    static List<LoggedRequest> requests(WireMockExtension server) {
        return server.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
    }

    /** The decoded JSON of a compact JWT's part (0 = header, 1 = claims). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> jwtPart(String jwt, int part) {
        try {
            byte[] json = Base64.getUrlDecoder().decode(jwt.split("\\.")[part]);
            return new ObjectMapper().readValue(json, Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
