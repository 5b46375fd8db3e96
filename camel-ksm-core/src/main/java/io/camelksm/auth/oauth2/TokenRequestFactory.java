package io.camelksm.auth.oauth2;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.camelksm.auth.oauth2.TokenRequest.FormParameter;
import io.camelksm.credential.Credential;
import io.camelksm.credential.Secret;

/**
 * Builds token requests from an {@link OAuth2Registration} by picking its strategies: the registration's {@link
 * OAuth2Grant} adds the grant's parameters, its {@link ClientAuthentication} the client's. Every request goes to the
 * registration's token URL; every assertion is signed anew with a unique {@code jti}.
 */
final class TokenRequestFactory {

    private final OAuth2Settings settings;

    TokenRequestFactory(OAuth2Settings settings) {
        this.settings = settings;
    }

    /** Parses the credential ({@link OAuth2Registration#parse}) under these settings. */
    OAuth2Registration register(Credential credential) {
        return OAuth2Registration.parse(credential, settings);
    }

    /**
     * The registration's values with the endpoint's overrides.
     *
     * @throws KsmTokenException ({@link KsmTokenException.Reason#CONFIGURATION}) for an override the grant refuses
     */
    GrantParameters parameters(OAuth2Registration registration, TokenRequestOptions options) {
        try {
            URI tokenUrl = options.tokenUrl() == null ? registration.tokenUrl()
                    : TokenUrl.checkOverride(options.tokenUrl(), registration, settings.allowPlainHttp());
            return new GrantParameters(registration.grant().grantType(), tokenUrl,
                    OAuth2Registration.first(options.scope(), registration.scope()),
                    OAuth2Registration.first(options.audience(), registration.audience()),
                    OAuth2Registration.first(options.resource(), registration.resource()),
                    registration.grant().subject(registration, options));
        } catch (IllegalArgumentException e) {
            throw KsmTokenException.configuration(registration.credentialName(), e.getMessage());
        }
    }

    /**
     * Builds a request to send now, with a freshly signed assertion where the grant or client authentication needs one.
     *
     * @throws KsmTokenException ({@link KsmTokenException.Reason#CONFIGURATION}) when a key does not fit
     */
    TokenRequest create(OAuth2Registration registration, GrantParameters parameters) {
        try {
            return build(registration, parameters);
        } catch (IllegalArgumentException e) {
            throw KsmTokenException.configuration(registration.credentialName(), e.getMessage());
        }
    }

    private TokenRequest build(OAuth2Registration registration, GrantParameters p) {
        Instant now = settings.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        List<FormParameter> form = new ArrayList<>();
        List<Secret> otherSecrets = new ArrayList<>();
        form.add(FormParameter.plain("grant_type", p.grantType()));
        registration.grant().addParameters(registration, p, now, form);
        if (p.resource() != null) {
            form.add(FormParameter.plain("resource", p.resource()));
        }
        registration.formParameters().forEach((name, property) ->
                form.add(new FormParameter(name, Secret.of(property.value().reveal()), property.secret())));
        ClientAuthentication.Parts parts = new ClientAuthentication.Parts(form, otherSecrets);
        registration.clientAuthentication().apply(registration, new ClientAuthentication.Signing(p.tokenUrl(), now,
                registration.grantFields().clientAssertionAlgorithm(), settings.assertionLifetime()), parts);
        return new TokenRequest(registration.credentialName(), p.tokenUrl(), p.grantType(), form, parts.authorization,
                otherSecrets, p.scope());
    }
}
