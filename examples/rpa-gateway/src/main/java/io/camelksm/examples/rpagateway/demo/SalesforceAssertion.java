package io.camelksm.examples.rpagateway.demo;

import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;

import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * What Salesforce's token endpoint checks in the OAuth 2.0 JWT bearer flow: an {@code assertion} signed RS256 with the
 * connected app's key, {@code iss} = its consumer key, {@code sub} = the user, {@code aud} = the login host, not expired.
 */
final class SalesforceAssertion implements ValueMatcher<Request> {

    static final String LOGIN_HOST = "https://login.salesforce.com";

    private final RSAPublicKey connectedAppKey;
    private final String consumerKey;
    private final String user;

    SalesforceAssertion(RSAPublicKey connectedAppKey, String consumerKey, String user) {
        this.connectedAppKey = connectedAppKey;
        this.consumerKey = consumerKey;
        this.user = user;
    }

    @Override
    public MatchResult match(Request request) {
        return MatchResult.of(valid(request));
    }

    private boolean valid(Request request) {
        FormParameter assertion = request.formParameter("assertion");
        if (assertion == null || !assertion.isPresent()) {
            return false;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(assertion.firstValue());
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                || !jwt.verify(new RSASSAVerifier(connectedAppKey))) {
                return false;
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            return consumerKey.equals(claims.getIssuer()) && user.equals(claims.getSubject())
                   && claims.getAudience().contains(LOGIN_HOST)
                   && expires != null && expires.toInstant().isAfter(Instant.now());
        } catch (Exception e) {
            return false; // not a JWT, not ours: Salesforce answers invalid_grant, the stand-in 404
        }
    }
}
