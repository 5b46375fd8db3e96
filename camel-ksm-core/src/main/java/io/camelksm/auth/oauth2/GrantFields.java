package io.camelksm.auth.oauth2;

import java.time.Duration;

import com.nimbusds.jose.JWSAlgorithm;

/**
 * What an {@link OAuth2Grant} read from a credential beyond the client: the grant assertion's fields for the JWT bearer
 * grant, and for every grant the algorithm of the client assertion.
 *
 * @param clientAssertionAlgorithm the client assertion's signing algorithm, null when the method signs nothing
 * @param issuer                   the grant assertion's {@code iss}, null for grants without one
 * @param subject                  its default {@code sub}
 * @param assertionAlgorithm       its signing algorithm
 * @param assertionLifetime        its lifetime
 */
record GrantFields(JWSAlgorithm clientAssertionAlgorithm, String issuer, String subject,
                   JWSAlgorithm assertionAlgorithm, Duration assertionLifetime) {

    /** For a grant without an assertion of its own. */
    static GrantFields clientOnly(JWSAlgorithm clientAssertionAlgorithm) {
        return new GrantFields(clientAssertionAlgorithm, null, null, null, null);
    }
}
