package io.camelksm.auth.oauth2;

import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.KeyLengthException;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.camelksm.credential.Secret;

/**
 * Signs JWT assertions (RFC 7523) with Nimbus JOSE+JWT: RS256 (the default), PS256 and ES256 with a PKCS#8 PEM
 * private key, HS256 with a shared secret of at least 256 bits.
 */
final class JwtAssertionSigner {

    static final List<JWSAlgorithm> SUPPORTED = List.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256,
            JWSAlgorithm.HS256);

    private JwtAssertionSigner() {
    }

    /** The algorithm named by a credential's {@code algorithm} field; RS256 when it has none. */
    static JWSAlgorithm algorithm(String name) {
        if (name == null || name.isBlank()) {
            return JWSAlgorithm.RS256;
        }
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        return SUPPORTED.stream().filter(a -> a.getName().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("algorithm '" + name.strip()
                        + "' is not supported; use one of " + SUPPORTED.stream().map(JWSAlgorithm::getName)
                                .collect(Collectors.joining(", "))));
    }

    /** The claims every assertion carries (RFC 7523 §3), with a unique {@code jti}. */
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

    /**
     * Signs the claims.
     *
     * @param key   a PKCS#8 PEM private key (RS256, PS256, ES256) or the shared secret (HS256)
     * @param keyId the {@code kid} header, or null for none
     * @return the compact serialization
     * @throws IllegalArgumentException when the key does not fit the algorithm; never quotes the key
     */
    static Secret sign(JWSAlgorithm algorithm, Secret key, String keyId, JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(keyId).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        byte[] sharedSecret = null;
        try {
            JWSSigner signer;
            if (JWSAlgorithm.HS256.equals(algorithm)) {
                sharedSecret = sharedSecret(key);
                signer = new MACSigner(sharedSecret);
            } else {
                signer = privateKeySigner(algorithm, key);
            }
            jwt.sign(signer);
        } catch (KeyLengthException e) {
            throw new IllegalArgumentException("the HS256 shared secret is shorter than 256 bits (32 bytes)");
        } catch (JOSEException e) {
            throw new IllegalArgumentException("signing the " + algorithm + " assertion failed ("
                                               + e.getClass().getSimpleName() + ")");
        } finally {
            // MACSigner uses our array as its key: wipe it once the signature is made
            if (sharedSecret != null) {
                Arrays.fill(sharedSecret, (byte) 0);
            }
        }
        return Secret.of(jwt.serialize());
    }

    private static JWSSigner privateKeySigner(JWSAlgorithm algorithm, Secret key) {
        if (!PemPrivateKeys.looksLikePem(key)) {
            throw new IllegalArgumentException(algorithm + " needs a PKCS#8 PEM private key");
        }
        if (JWSAlgorithm.ES256.equals(algorithm)) {
            PrivateKey ec = PemPrivateKeys.read(key, "EC");
            if (!(ec instanceof ECPrivateKey ecKey)
                || !Curve.P_256.equals(Curve.forECParameterSpec(ecKey.getParams()))) {
                throw new IllegalArgumentException("ES256 needs an EC key on the P-256 curve");
            }
            try {
                return new ECDSASigner(ecKey);
            } catch (JOSEException e) {
                throw new IllegalArgumentException("the EC private key cannot sign ES256");
            }
        }
        PrivateKey rsa = PemPrivateKeys.read(key, "RSA");
        try {
            return new RSASSASigner(rsa);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(algorithm + " needs an RSA key of at least 2048 bits");
        }
    }

    private static byte[] sharedSecret(Secret key) {
        if (PemPrivateKeys.looksLikePem(key)) {
            throw new IllegalArgumentException("HS256 signs with a shared secret, but a PEM private key was given;"
                                               + " use RS256, PS256 or ES256 with a private key");
        }
        return key.utf8();
    }
}
