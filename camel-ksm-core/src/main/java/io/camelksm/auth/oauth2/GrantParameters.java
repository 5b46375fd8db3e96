package io.camelksm.auth.oauth2;

import java.net.URI;

/**
 * What one token request asks for: the {@link OAuth2Registration}'s values with the endpoint's {@link
 * TokenRequestOptions} applied. Resolved once per registration and options, then used for the cache key and for
 * building each request.
 *
 * @param subject the JWT bearer assertion's {@code sub}, null for the client credentials grant
 */
record GrantParameters(String grantType, URI tokenUrl, String scope, String audience, String resource,
                       String subject) {
}
