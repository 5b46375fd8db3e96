package io.camelksm.hsm;

import java.util.Locale;

/** Which JCE provider holds the config key. */
public enum HsmProviderType {

    /** Entrust nShield through its JCE provider {@code nCipherKM} (its jars on the classpath). */
    NCIPHER("ncipher"),

    /** Any PKCS#11 HSM through the JDK's SunPKCS11, described by a SunPKCS11 config file. */
    PKCS11("pkcs11"),

    /** A software AES key in a PKCS#12 file: no HSM. Only when configured explicitly; logs a warning at start. */
    SOFTWARE_PKCS12("pkcs12");

    private final String configName;

    HsmProviderType(String configName) {
        this.configName = configName;
    }

    /** The name used in configuration ({@code ncipher}, {@code pkcs11}, {@code pkcs12}). */
    public String configName() {
        return configName;
    }

    /** Parses a configuration name (case-insensitive). */
    public static HsmProviderType parse(String name) {
        if (name != null) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            for (HsmProviderType t : values()) {
                if (t.configName.equals(n)) {
                    return t;
                }
            }
        }
        throw new HsmException("unknown HSM provider '" + name + "': use ncipher, pkcs11 or pkcs12");
    }
}
