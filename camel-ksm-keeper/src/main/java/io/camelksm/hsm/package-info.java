/**
 * The Keeper client config, encrypted by a key that never leaves an HSM.
 * <p>
 * {@link io.camelksm.hsm.HsmKeyValueStorage} is the Keeper SDK's {@code KeyValueStorage} over one file; every write
 * re-encrypts the whole config through a {@link io.camelksm.hsm.ConfigCipher}, which
 * {@link io.camelksm.hsm.HsmConfigCiphers#open(HsmSettings)} builds from {@link io.camelksm.hsm.HsmSettings}:
 *
 * <pre>
 * ConfigCipher cipher = HsmConfigCiphers.open(HsmSettings.pkcs11(Path.of("/etc/camel-ksm/pkcs11.cfg"), pin,
 *         "ksm-config-key"));
 * HsmKeyValueStorage storage = HsmKeyValueStorage.open(Path.of("/var/lib/camel-ksm/ksm-config.enc"), cipher);
 * SecretsManager.initializeStorage(storage, oneTimeToken, null);   // binds; the config is written encrypted
 * </pre>
 *
 * <h2>Production setup</h2>
 * <b>Entrust nShield ({@code nCipherKM})</b>: put the nShield Java jars from the nShield install
 * ({@code nCipherKM.jar} and the jars beside it) on the classpath, or register the provider in {@code java.security}.
 * Create an AES-256 key in the Security World with nShield's tools (module- or card-protected), note its key store
 * file and alias, and use {@link io.camelksm.hsm.HsmSettings#nCipher(java.nio.file.Path,
 * io.camelksm.credential.Secret, String)}. Without the jars, opening fails with a message naming them.
 * <p>
 * <b>Any PKCS#11 HSM (SunPKCS11)</b>: write a SunPKCS11 config file ({@code name = ...}, {@code library = <vendor
 * PKCS#11 module>}, {@code slot = <id>} or {@code slotListIndex = 0}), generate the AES-256 key inside the token with
 * {@code CKA_SENSITIVE = true}, {@code CKA_EXTRACTABLE = false} and a label (the alias), e.g. with
 * {@code pkcs11-tool --keygen --key-type AES:32 --label ksm-config-key --sensitive}. Use
 * {@link io.camelksm.hsm.HsmSettings#pkcs11(java.nio.file.Path, io.camelksm.credential.Secret, String)} with the
 * user PIN. Use AES-GCM ({@code AES/GCM/NoPadding}) where the token offers it; otherwise also generate a generic
 * secret key for HMAC-SHA256 ({@code --key-type GENERIC:32 --usage-sign}) and set
 * {@link io.camelksm.hsm.HsmSettings#withHmacKeyAlias(String)}. A PKCS#11 login is shared by the whole JVM.
 * <p>
 * <b>Software key</b> ({@link io.camelksm.hsm.HsmSettings#softwarePkcs12}, {@link io.camelksm.hsm.Pkcs12KeyFile}):
 * for development only; it logs a warning at every start.
 * <p>
 * <b>Tests</b> use SoftHSM2: {@code .ci/softhsm-setup.sh} makes a throwaway token with such keys.
 */
package io.camelksm.hsm;
