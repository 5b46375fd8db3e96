package io.camelksm.auth.oauth2;

import static io.camelksm.credential.CredentialField.ALGORITHM;
import static io.camelksm.credential.CredentialField.ASSERTION_LIFETIME;
import static io.camelksm.credential.CredentialField.AUDIENCE;
import static io.camelksm.credential.CredentialField.CLIENT_AUTHENTICATION_METHOD;
import static io.camelksm.credential.CredentialField.CLIENT_SECRET;
import static io.camelksm.credential.CredentialField.ISSUER;
import static io.camelksm.credential.CredentialField.KEY_ID;
import static io.camelksm.credential.CredentialField.PRIVATE_KEY;
import static io.camelksm.credential.CredentialField.SCOPE;
import static io.camelksm.credential.CredentialField.SUBJECT;
import static io.camelksm.credential.CredentialField.TOKEN_URL;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;

import io.camelksm.auth.oauth2.TokenRequest.FormParameter;
import io.camelksm.credential.AllowedHosts;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;

/**
 * Turns a credential into token requests: the client credentials grant (RFC 6749 §4.4) and the JWT bearer grant (RFC
 * 7523 §2.1), each with the client authentication the credential names ({@link ClientAuthentication}: {@code
 * client_secret_basic}, {@code client_secret_post}, {@code private_key_jwt}, {@code client_secret_jwt}, or for the JWT
 * bearer grant also {@code none}). Every request goes to the credential's token URL; every assertion is signed anew
 * with a unique {@code jti}.
 */
final class TokenRequestFactory {

    static final String CLIENT_CREDENTIALS = "client_credentials";
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    static final String CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /** Form parameters a {@code form.*} property may not set: the grant itself and the client's authentication. */
    private static final Set<String> RESERVED = Set.of("grant_type", "client_id", "client_secret", "client_assertion",
            "client_assertion_type", "assertion", "scope", "audience");

    private static final int MAX_CHECKED_URLS = 256;

    private final OAuth2Settings settings;
    private final ConcurrentMap<String, URI> checkedUrls = new ConcurrentHashMap<>();

    TokenRequestFactory(OAuth2Settings settings) {
        this.settings = settings;
    }

    /**
     * Resolves and checks what the credential asks for.
     *
     * @throws KsmTokenException ({@link KsmTokenException.Reason#CONFIGURATION}) naming what is wrong
     */
    GrantParameters parameters(Credential credential, TokenRequestOptions options) {
        try {
            return resolve(credential, options);
        } catch (IllegalArgumentException e) {
            throw KsmTokenException.configuration(credential.name(), e.getMessage());
        }
    }

    /**
     * Builds a request to send now, with a freshly signed assertion where the grant needs one.
     *
     * @throws KsmTokenException ({@link KsmTokenException.Reason#CONFIGURATION}) when a key does not fit
     */
    TokenRequest create(Credential credential, GrantParameters p) {
        try {
            return build(credential, p);
        } catch (IllegalArgumentException e) {
            throw KsmTokenException.configuration(credential.name(), e.getMessage());
        }
    }

    private GrantParameters resolve(Credential credential, TokenRequestOptions options) {
        CredentialType type = credential.type();
        if (type != CredentialType.OAUTH2_CLIENT_CREDENTIALS && type != CredentialType.OAUTH2_JWT_BEARER) {
            throw new IllegalArgumentException("it is a " + type + " credential, not OAUTH2_CLIENT_CREDENTIALS or"
                                               + " OAUTH2_JWT_BEARER");
        }
        URI tokenUrl = tokenUrl(required(credential, TOKEN_URL));
        // per credential, so after the shared URL check: secrets go only to a host the credential allows
        AllowedHosts.of(credential).ifPresent(hosts -> hosts.check(tokenUrl.toString()));
        String scope = first(options.scope(), credential.field(SCOPE).orElse(null));
        String audience = first(options.audience(), credential.field(AUDIENCE).orElse(null));
        Map<String, CredentialProperty> extra = extraFormProperties(credential);
        CredentialProperty resourceProperty = extra.get("resource");
        String resource = first(options.resource(),
                resourceProperty == null || resourceProperty.secret() ? null : resourceProperty.value().reveal());
        String algorithmName = credential.field(ALGORITHM).orElse(null);
        ClientAuthentication client = ClientAuthentication.of(method(credential));
        client.check(credential);
        if (type == CredentialType.OAUTH2_CLIENT_CREDENTIALS) {
            if (options.subject() != null) {
                throw new IllegalArgumentException("a subject applies to the JWT bearer grant only, not to "
                                                   + "OAUTH2_CLIENT_CREDENTIALS");
            }
            // the credential's algorithm is the client assertion's
            JWSAlgorithm algorithm = client.algorithm(algorithmName);
            return new GrantParameters(CLIENT_CREDENTIALS, tokenUrl, scope, audience, resource, null,
                    client.method(), null, algorithm, null);
        }
        String issuer = required(credential, ISSUER);
        String subject = first(options.subject(), first(credential.field(SUBJECT).orElse(null), issuer));
        // the credential's algorithm is the grant assertion's
        JWSAlgorithm algorithm = JwtAssertionSigner.algorithm(algorithmName);
        requireSecret(credential, PRIVATE_KEY);
        return new GrantParameters(JWT_BEARER, tokenUrl, scope, audience, resource, subject, client.method(),
                algorithm, client.algorithmBesideGrant(algorithmName), assertionLifetime(credential));
    }

    private TokenRequest build(Credential credential, GrantParameters p) {
        Instant now = settings.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        List<FormParameter> form = new ArrayList<>();
        List<Secret> otherSecrets = new ArrayList<>();
        form.add(plain("grant_type", p.grantType()));
        if (JWT_BEARER.equals(p.grantType())) {
            JWTClaimsSet.Builder claims = claims(credential.field(ISSUER).orElseThrow(), p.subject(),
                    first(p.audience(), p.tokenUrl().toString()), now, p.assertionLifetime());
            if (p.scope() != null) {
                claims.claim("scope", p.scope());
            }
            form.add(secret("assertion", JwtAssertionSigner.sign(p.assertionAlgorithm(), credential.secret(PRIVATE_KEY)
                    .orElseThrow(), credential.field(KEY_ID).orElse(null), claims.build())));
            addOptional(form, "scope", p.scope());
        } else {
            addOptional(form, "scope", p.scope());
            addOptional(form, "audience", p.audience());
        }
        if (p.resource() != null) {
            form.add(plain("resource", p.resource()));
        }
        extraFormProperties(credential).forEach((name, property) -> {
            if (!name.equals("resource")) {
                form.add(new FormParameter(name, Secret.of(property.value().reveal()), property.secret()));
            }
        });
        ClientAuthentication.Parts parts = new ClientAuthentication.Parts(form, otherSecrets);
        ClientAuthentication.of(p.method()).apply(credential, new ClientAuthentication.Signing(p.tokenUrl(), now,
                p.clientAssertionAlgorithm(), settings.assertionLifetime()), parts);
        return new TokenRequest(credential.name(), p.tokenUrl(), p.grantType(), form, parts.authorization,
                otherSecrets, p.scope());
    }

    static JWTClaimsSet.Builder claims(String issuer, String subject, String audience, Instant now,
                                       Duration lifetime) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString());
    }

    /** RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and Base64-encoded. */
    static Secret basic(String clientId, Secret clientSecret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                      + URLEncoder.encode(clientSecret.reveal(), StandardCharsets.UTF_8);
        return Secret.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The method the credential names, else the default: for the client credentials grant the RFC's
     * client_secret_basic with a client secret, private_key_jwt with a private key alone; for the JWT bearer grant
     * client_secret_basic with a client secret, none without (its private key signs the grant's assertion).
     */
    private static ClientAuthenticationMethod method(Credential credential) {
        String name = credential.field(CLIENT_AUTHENTICATION_METHOD).orElse(null);
        boolean clientCredentials = credential.type() == CredentialType.OAUTH2_CLIENT_CREDENTIALS;
        boolean hasSecret = credential.secret(CLIENT_SECRET).isPresent();
        if (name == null || name.isBlank()) {
            if (hasSecret) {
                return ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
            }
            return !clientCredentials ? ClientAuthenticationMethod.NONE
                    : credential.secret(PRIVATE_KEY).isPresent() ? ClientAuthenticationMethod.PRIVATE_KEY_JWT
                    : ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
        }
        ClientAuthenticationMethod method = ClientAuthenticationMethod.parse(name).orElseThrow(
                () -> new IllegalArgumentException("clientAuthenticationMethod '" + name.strip() + "' is unknown; use"
                                                   + " one of " + ClientAuthenticationMethod.names()));
        if (clientCredentials && method == ClientAuthenticationMethod.NONE) {
            throw new IllegalArgumentException("clientAuthenticationMethod none is for the JWT bearer grant: the client"
                                               + " credentials grant must authenticate the client (RFC 6749 §4.4)");
        }
        return method;
    }

    private Duration assertionLifetime(Credential credential) {
        String text = credential.field(ASSERTION_LIFETIME).orElse(null);
        if (text == null || text.isBlank()) {
            return settings.assertionLifetime();
        }
        Duration lifetime;
        try {
            lifetime = Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("assertionLifetime '" + text.strip()
                                               + "' is not an ISO-8601 duration such as PT5M");
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("assertionLifetime " + lifetime + " must be positive and at most"
                                               + " one day");
        }
        return lifetime;
    }

    /** The credential's {@code form.*} properties by form parameter name. */
    private static Map<String, CredentialProperty> extraFormProperties(Credential credential) {
        Map<String, CredentialProperty> extra = new LinkedHashMap<>();
        for (CredentialProperty property : credential.properties().values()) {
            String name = property.name();
            if (!name.regionMatches(true, 0, OAuth2TokenProvider.FORM_PROPERTY_PREFIX, 0,
                    OAuth2TokenProvider.FORM_PROPERTY_PREFIX.length())) {
                continue;
            }
            String parameter = name.substring(OAuth2TokenProvider.FORM_PROPERTY_PREFIX.length());
            if (parameter.isEmpty()) {
                throw new IllegalArgumentException("property '" + name + "' names no form parameter");
            }
            if (RESERVED.contains(parameter.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("property '" + name + "' would set the form parameter '"
                                                   + parameter + "', which camel-ksm controls: "
                                                   + reservedHint(parameter.toLowerCase(Locale.ROOT)));
            }
            if (parameter.equals("resource") && property.secret()) {
                throw new IllegalArgumentException("property '" + name + "' must be a plain property: the resource"
                                                   + " is part of the token cache key");
            }
            extra.put(parameter, property);
        }
        return extra;
    }

    /** Where to set what a reserved form parameter would carry. */
    private static String reservedHint(String parameter) {
        return switch (parameter) {
            case "scope", "audience" -> "use the credential field '" + parameter + "' instead";
            case "client_id", "client_secret", "client_assertion", "client_assertion_type" ->
                    "set the credential fields clientId, clientSecret and clientAuthenticationMethod instead (for the"
                    + " JWT bearer grant too; clientAuthenticationMethod none sends client_id alone)";
            default -> "it comes from the grant itself";
        };
    }

    /** A token URL is parsed and checked once; the settings it is checked against never change. */
    private URI tokenUrl(String text) {
        URI known = checkedUrls.get(text);
        if (known != null) {
            return known;
        }
        URI url = checkTokenUrl(text);
        if (checkedUrls.size() >= MAX_CHECKED_URLS) {
            checkedUrls.clear();
        }
        checkedUrls.put(text, url);
        return url;
    }

    private URI checkTokenUrl(String text) {
        URI url;
        try {
            url = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("tokenUrl is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("tokenUrl must be an absolute https URL");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("tokenUrl must not contain user info (credentials belong in fields)");
        }
        if (url.getRawFragment() != null) {
            throw new IllegalArgumentException("tokenUrl must not have a fragment");
        }
        if (scheme.equals("http") && !settings.allowPlainHttp() && !LoopbackHost.isLoopback(url.getHost())) {
            throw new IllegalArgumentException("tokenUrl " + TokenRequest.displayUrl(url) + " uses plain http; "
                    + "secrets are only sent over https (or http to localhost, 127.0.0.0/8 or [::1])");
        }
        return url;
    }

    private static void requireSecret(Credential credential, CredentialField field) {
        if (credential.secret(field).filter(s -> !s.isEmpty()).isEmpty()) {
            throw new IllegalArgumentException("the field '" + field.fieldName() + "' is missing");
        }
    }

    private static String required(Credential credential, CredentialField field) {
        return credential.field(field).filter(v -> !v.isBlank()).map(String::strip)
                .orElseThrow(() -> new IllegalArgumentException("the field '" + field.fieldName() + "' is missing"));
    }

    private static String first(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred.strip()
                : fallback != null && !fallback.isBlank() ? fallback.strip() : null;
    }

    private static void addOptional(List<FormParameter> form, String name, String value) {
        if (value != null) {
            form.add(plain(name, value));
        }
    }

    private static FormParameter plain(String name, String value) {
        return new FormParameter(name, Secret.of(value), false);
    }

    private static FormParameter secret(String name, Secret value) {
        return new FormParameter(name, value, true);
    }
}
