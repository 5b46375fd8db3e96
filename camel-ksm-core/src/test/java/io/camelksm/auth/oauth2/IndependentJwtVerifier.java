package io.camelksm.auth.oauth2;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks JWS signatures with the JDK alone (no Nimbus), so the tests do not trust the library that signed.
 */
final class IndependentJwtVerifier {

    private IndependentJwtVerifier() {
    }

    static boolean verify(String jwt, PublicKey key) {
        String[] parts = jwt.split("\\.");
        String alg = (String) TokenEndpoint.jwtPart(jwt, 0).get("alg");
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        try {
            Signature verifier;
            switch (alg) {
                case "RS256" -> verifier = Signature.getInstance("SHA256withRSA");
                case "PS256" -> {
                    verifier = Signature.getInstance("RSASSA-PSS");
                    verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                }
                // JOSE carries ECDSA signatures as R || S (IEEE P1363), not DER
                case "ES256" -> verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
                default -> throw new IllegalArgumentException("unexpected alg " + alg);
            }
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static boolean verifyHs256(String jwt, byte[] secret) {
        String[] parts = jwt.split("\\.");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The same JWT with one claim changed and the original signature kept. */
    static String tamper(String jwt, String claim, Object value) {
        String[] parts = jwt.split("\\.");
        Map<String, Object> claims = TokenEndpoint.jwtPart(jwt, 1);
        claims.put(claim, value);
        try {
            String payload = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(new ObjectMapper().writeValueAsBytes(claims));
            return parts[0] + "." + payload + "." + parts[2];
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
