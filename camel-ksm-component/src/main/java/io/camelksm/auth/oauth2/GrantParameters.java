package io.camelksm.auth.oauth2;

import java.net.URI;
import java.time.Duration;

import com.nimbusds.jose.JWSAlgorithm;

/**
 * What one token request asks for, resolved from a credential and the endpoint's {@link TokenRequestOptions}:
 * checked once, then used for the cache key and for building the request.
 *
 * @param method            how the client authenticates (client credentials grant), null for the JWT bearer grant
 * @param algorithm         the signing algorithm of the assertion, null when nothing is signed
 * @param assertionLifetime lifetime of the signed assertion, null when nothing is signed
 */
record GrantParameters(String grantType, URI tokenUrl, String scope, String audience, String resource,
                       String subject, ClientAuthenticationMethod method, JWSAlgorithm algorithm,
                       Duration assertionLifetime) {
}
