package io.camelksm.examples.rpagateway.demo;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The secrets of this demo run, made fresh at every start: {@link DemoCredentials} stores them in {@code ksm:}, and
 * the stand-ins ({@link DemoApis}) accept only them, so a call that succeeds proves the gateway sent the stored
 * credential; the stand-ins' token endpoints issue this run's access tokens, and their APIs accept only those.
 * Nothing here is ever printed or logged.
 */
@Component
@Profile("demo")
public class DemoSecrets {

    private final SecureRandom random = new SecureRandom();
    private final String graphClientSecret = "graph~" + randomText(24);
    private final String serviceNowPassword = "snow-" + randomText(16);
    private final String gitHubToken = "github_pat_" + randomText(30);
    private final KeyPair salesforceKey = rsaKeyPair();
    private final String graphAccessToken = "eyJ0eXAiOi.graph-access." + randomText(16);
    private final String salesforceAccessToken = "00D5g000004rpa!" + randomText(16);

    public String graphClientSecret() {
        return graphClientSecret;
    }

    public String serviceNowPassword() {
        return serviceNowPassword;
    }

    public String gitHubToken() {
        return gitHubToken;
    }

    /** The Salesforce connected app's private key, PKCS#8 PEM, as an administrator pastes it into the credential. */
    public String salesforcePrivateKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(salesforceKey.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    /** The certificate's key that the connected app knows: the stand-in checks the assertion's signature with it. */
    public RSAPublicKey salesforcePublicKey() {
        return (RSAPublicKey) salesforceKey.getPublic();
    }

    /** What the Microsoft Graph stand-in's token endpoint issues. */
    String graphAccessToken() {
        return graphAccessToken;
    }

    /** What the Salesforce stand-in's token endpoint issues. */
    String salesforceAccessToken() {
        return salesforceAccessToken;
    }

    private String randomText(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "DemoSecrets[****]";
    }
}
