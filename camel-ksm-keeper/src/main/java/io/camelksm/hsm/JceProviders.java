package io.camelksm.hsm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidParameterException;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the JCE provider that talks to the HSM.
 * <p>
 * SunPKCS11 providers are kept, one per config file, for the life of the JVM: configuring one costs tens of
 * milliseconds, and a PKCS#11 login is shared by every session of the process anyway (logging one provider out would
 * log all of them out).
 */
final class JceProviders {

    private static final Map<Path, Provider> PKCS11 = new ConcurrentHashMap<>();

    private JceProviders() {
    }

    /** The SunPKCS11 provider for that config file, configured on first use. */
    static Provider pkcs11(Path config) {
        if (!Files.isRegularFile(config)) {
            throw new HsmException("SunPKCS11 config file " + config + " does not exist");
        }
        Path key;
        try {
            key = config.toRealPath();
        } catch (IOException e) {
            throw new HsmException("cannot read SunPKCS11 config file " + config + ": " + e.getMessage(), e);
        }
        return PKCS11.computeIfAbsent(key, JceProviders::configurePkcs11);
    }

    private static Provider configurePkcs11(Path config) {
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new HsmException("the JDK has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
        }
        try {
            return base.configure(config.toString());
        } catch (InvalidParameterException | ProviderException e) {
            // e.g. CKR_SLOT_ID_INVALID: wrong slot, or (SoftHSM) SOFTHSM2_CONF not set for this process
            throw new HsmException("SunPKCS11 cannot start with " + config + ": " + causes(e), e);
        }
    }

    /**
     * The provider registered under that name, else an instance of its class registered now.
     *
     * @throws HsmException naming the provider and what to put on the classpath
     */
    static Provider byNameOrClass(String name, String className) {
        Provider registered = Security.getProvider(name);
        if (registered != null) {
            return registered;
        }
        if (className == null) {
            throw new HsmException("JCE provider " + name + " is not registered");
        }
        Provider created;
        try {
            Class<?> type = Class.forName(className, true, classLoader());
            created = (Provider) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new HsmException("JCE provider " + name + " is not available: class " + className
                                   + " is not on the classpath (for nShield put nCipherKM.jar and the other nShield"
                                   + " Java jars from the nShield install on the classpath, or register the provider"
                                   + " in java.security)");
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new HsmException("JCE provider " + name + " (class " + className + ") cannot be created: " + e, e);
        }
        if (!name.equals(created.getName())) {
            throw new HsmException("class " + className + " is the JCE provider " + created.getName() + ", not "
                                   + name);
        }
        // register it so the provider's own lookups by name work; another thread may have won the race
        Security.addProvider(created);
        return Security.getProvider(name);
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : JceProviders.class.getClassLoader();
    }

    /** The messages of an exception and its causes (PKCS#11 return codes live in the causes). */
    static String causes(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 500; t = t.getCause()) {
            if (b.length() > 0) {
                b.append(" <- ");
            }
            b.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                b.append(": ").append(t.getMessage());
            }
        }
        return b.toString();
    }
}
