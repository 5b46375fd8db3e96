package io.camelksm.auth.oauth2;

import java.net.URI;
import java.time.Duration;

import com.nimbusds.jose.JWSAlgorithm;

/**
 * What one token request asks for, resolved from a credential and the endpoint's {@link TokenRequestOptions}:
 * checked once, then used for the cache key and for building the request.
 *
 * @param method                   how the client authenticates (both grants)
 * @param assertionAlgorithm       the signing algorithm of the JWT bearer grant's assertion, null for client
 *                                 credentials
 * @param clientAssertionAlgorithm the signing algorithm of the client assertion, null when the method signs nothing
 * @param assertionLifetime        lifetime of the JWT bearer grant's assertion, null for client credentials
 */
record GrantParameters(String grantType, URI tokenUrl, String scope, String audience, String resource,
                       String subject, ClientAuthenticationMethod method, JWSAlgorithm assertionAlgorithm,
                       JWSAlgorithm clientAssertionAlgorithm, Duration assertionLifetime) {
}
