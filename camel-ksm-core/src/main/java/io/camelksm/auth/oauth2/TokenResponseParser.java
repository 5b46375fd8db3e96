package io.camelksm.auth.oauth2;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.camelksm.credential.Secret;

/**
 * Reads token endpoint bodies with Jackson: successful responses (RFC 6749 §5.1) and error responses (§5.2). Problems
 * are described without quoting the body, which may hold a token.
 */
final class TokenResponseParser {

    /** A body that is not a usable token response; the message says why and never quotes the body. */
    static final class InvalidBodyException extends Exception {
        InvalidBodyException(String message) {
            super(message, null, false, false);
        }
    }

    /** The fields of an RFC 6749 §5.2 error response, unsanitized. */
    record ErrorBody(String error, String description) {
    }

    /** Longer lifetimes than ten years are taken for a broken server, not a token to keep. */
    private static final long MAX_EXPIRES_IN_SECONDS = 10L * 366 * 24 * 3600;

    private static final ObjectMapper JSON = JsonMapper.builder()
            // a response naming access_token twice is ambiguous: refuse it rather than pick one
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private TokenResponseParser() {
    }

    static TokenResponse parseSuccess(byte[] body, String contentType) throws InvalidBodyException {
        JsonNode root = parseObject(body, contentType);
        JsonNode token = root.get("access_token");
        if (token == null || token.isNull()) {
            throw new InvalidBodyException("the response has no access_token");
        }
        if (!token.isTextual() || token.textValue().isEmpty()) {
            throw new InvalidBodyException("access_token is not a non-empty string");
        }
        if (!isHeaderSafe(token.textValue())) {
            throw new InvalidBodyException("access_token holds characters not allowed in an HTTP header");
        }
        JsonNode type = root.get("token_type");
        // token_type is required by RFC 6749, but some servers omit it for bearer tokens
        if (type != null && !type.isNull() && !(type.isTextual() && type.textValue().equalsIgnoreCase("bearer"))) {
            throw new InvalidBodyException("token_type '" + ServerText.sanitize(type.asText(), List.of())
                                           + "' is not supported; only Bearer tokens (RFC 6750) are");
        }
        Duration expiresIn = expiresIn(root.get("expires_in"));
        JsonNode scope = root.get("scope");
        String grantedScope = scope != null && scope.isTextual() && !scope.textValue().isBlank()
                ? scope.textValue().strip() : null;
        return new TokenResponse(Secret.of(token.textValue()), expiresIn, grantedScope);
    }

    /** The error fields of a non-2xx body, or null when the body is not an RFC 6749 error response. */
    static ErrorBody parseError(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                return null;
            }
            JsonNode error = root.get("error");
            JsonNode description = root.get("error_description");
            if (error == null || !error.isTextual()) {
                return null;
            }
            return new ErrorBody(error.textValue(),
                    description != null && description.isTextual() ? description.textValue() : null);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static JsonNode parseObject(byte[] body, String contentType) throws InvalidBodyException {
        if (body.length == 0) {
            throw new InvalidBodyException("the response body is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidBodyException("the response body is not valid JSON" + where + " (" + body.length
                                           + " bytes, Content-Type " + (contentType == null ? "none" : contentType)
                                           + "; truncated or not a token endpoint?)");
        } catch (IOException e) {
            throw new InvalidBodyException("the response body could not be read as JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidBodyException("the response body is JSON but not an object");
        }
        return root;
    }

    private static Duration expiresIn(JsonNode node) throws InvalidBodyException {
        if (node == null || node.isNull()) {
            return null;
        }
        BigDecimal seconds;
        if (node.isNumber()) {
            seconds = node.decimalValue();
        } else if (node.isTextual() && node.textValue().strip().matches("\\d{1,12}")) {
            seconds = new BigDecimal(node.textValue().strip());
        } else {
            throw new InvalidBodyException("expires_in is neither a number nor a numeric string");
        }
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(MAX_EXPIRES_IN_SECONDS)) > 0) {
            throw new InvalidBodyException("expires_in " + seconds.toPlainString() + " is out of range");
        }
        // a fractional lifetime is rounded down: never keep a token longer than the server said
        return Duration.ofSeconds(seconds.longValue());
    }

    /** Visible US-ASCII only: a token goes into a header, where CR, LF or spaces would inject or break it. */
    private static boolean isHeaderSafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
