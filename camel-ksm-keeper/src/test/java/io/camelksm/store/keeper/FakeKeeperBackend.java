package io.camelksm.store.keeper;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.keepersecurity.secretsManager.core.EncryptedPayload;
import com.keepersecurity.secretsManager.core.KeeperHttpResponse;
import com.keepersecurity.secretsManager.core.KeyValueStorage;
import com.keepersecurity.secretsManager.core.TransmissionKey;
import kotlin.jvm.functions.Function3;

/**
 * An in-process Keeper Secrets Manager backend, plugged in as the SDK's {@code queryFunction} (the SDK hands it the
 * URL, the transmission key in the clear and the encrypted, signed request). It does what the service does, so the
 * REAL SDK decrypts its answers:
 * <ul>
 * <li>decrypts the request body with the transmission key (AES-256-GCM, 12-byte IV prefix, 128-bit tag) and verifies
 * its ECDSA P-256 / SHA-256 signature over {@code encryptedKey || encryptedPayload} against the client's public key
 * (registered when the client binds with a one-time token, or when the test makes a bound config);</li>
 * <li>{@code get_secret}: answers {@code encryptedAppKey} (AES-GCM of the app key under the client key, on the first
 * call after binding, else null), {@code folders: null} and the requested records, each with
 * {@code recordKey = base64(AES-GCM(recordKey, appKey))} and {@code data = base64(AES-GCM(record JSON, recordKey))},
 * the whole body encrypted with the transmission key;</li>
 * <li>{@code update_secret}: decrypts the new record data with the record key (URL-safe Base64), refuses a stale
 * revision, stores it and bumps the revision.</li>
 * </ul>
 * Tests script failures (throttling, errors), hold calls at a gate, and count calls.
 */
public final class FakeKeeperBackend {

    static final String HOST = "fake.keeper.test";
    private static final String PATH = "https://" + HOST + "/api/rest/sm/v1/";
    private static final String CLIENT_ID_TAG = "KEEPER_SECRETS_MANAGER_CLIENT_ID";
    /** X.509 header of an uncompressed P-256 public key: the raw point (04 || x || y) follows. */
    private static final byte[] P256_X509_PREFIX = HexFormat.of()
            .parseHex("3059301306072a8648ce3d020106082a8648ce3d030107034200");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final byte[] appKey = randomBytes(32);

    private final Map<String, StoredRecord> records = new ConcurrentHashMap<>();
    private final Map<String, PublicKey> clients = new ConcurrentHashMap<>();
    private final Map<String, byte[]> pendingClientKeys = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<KeeperHttpResponse> scripted = new ConcurrentLinkedDeque<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger getSecretCalls = new AtomicInteger();
    private final AtomicInteger updateCalls = new AtomicInteger();
    private final List<List<String>> requestedRecords = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile CountDownLatch gate;
    private final AtomicInteger waitingAtGate = new AtomicInteger();
    private volatile KeeperHttpResponse alwaysAnswer;
    private volatile Integer requiredKeyId;
    private final Map<Integer, KeeperHttpResponse> failingCalls = new ConcurrentHashMap<>();

    private static final class StoredRecord {
        final byte[] recordKey;
        volatile String json;
        volatile long revision;

        StoredRecord(byte[] recordKey, String json, long revision) {
            this.recordKey = recordKey;
            this.json = json;
            this.revision = revision;
        }
    }

    // ---- records

    /** Adds (or replaces) a record under a new UID; returns the UID. */
    public String add(FakeRecord record) {
        String uid = FakeRecord.newUid();
        put(uid, record);
        return uid;
    }

    void put(String uid, FakeRecord record) {
        StoredRecord before = records.get(uid);
        records.put(uid, new StoredRecord(before == null ? randomBytes(32) : before.recordKey, record.json(),
                before == null ? 1 : before.revision + 1));
    }

    void remove(String uid) {
        records.remove(uid);
    }

    /** The record's JSON as the backend holds it (after updates). */
    public String recordJson(String uid) {
        return records.get(uid).json;
    }

    long revision(String uid) {
        return records.get(uid).revision;
    }

    // ---- clients

    /**
     * A one-time access token for a new client, as Keeper's vault hands them out: {@code host:clientKey}. The client
     * binds with it (SDK {@code initializeStorage}, then the first {@code get_secret}).
     */
    public String oneTimeToken() {
        byte[] clientKey = randomBytes(32);
        pendingClientKeys.put(clientIdOf(clientKey), clientKey);
        return HOST + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(clientKey);
    }

    /** Writes a config of an already bound client into the storage, as binding would have left it. */
    public void writeBoundConfig(KeyValueStorage storage) {
        KeyPair pair = newEcKeyPair();
        String clientId = Base64.getEncoder().encodeToString(randomBytes(64));
        clients.put(clientId, pair.getPublic());
        storage.saveString("hostname", HOST);
        storage.saveString("clientId", clientId);
        storage.saveBytes("privateKey", pair.getPrivate().getEncoded());
        storage.saveBytes("appKey", appKey);
        storage.saveString("serverPublicKeyId", "10");
    }

    // ---- scripting

    /** The next answers are 403 throttled, with {@code retry_after} when it is not null. */
    void throttleNext(int times, Integer retryAfterSeconds) {
        String body = "{\"error\":\"throttled\",\"message\":\"Too many requests\""
                      + (retryAfterSeconds == null ? "" : ",\"retry_after\":" + retryAfterSeconds) + "}";
        for (int i = 0; i < times; i++) {
            scripted.add(new KeeperHttpResponse(403, body.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The next answer is this error. */
    void failNext(int status, String body) {
        scripted.add(new KeeperHttpResponse(status, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The call with this number (counting from 1, as {@link #calls()} does) gets this error. */
    void failCall(int callNumber, int status, String body) {
        failingCalls.put(callNumber, new KeeperHttpResponse(status, body.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * From now on the service wants transmission keys for its public key of this id, and tells a client that uses
     * another one so ({@code {"error":"key","key_id":id}}); the SDK then stores the id in its config and retries.
     */
    void requireServerKeyId(int keyId) {
        requiredKeyId = keyId;
    }

    /** Every answer is this error until {@link #recover()}. */
    public void failAlways(int status, String body) {
        alwaysAnswer = new KeeperHttpResponse(status, body.getBytes(StandardCharsets.UTF_8));
    }

    public void recover() {
        alwaysAnswer = null;
    }

    /** Calls wait at a gate until the returned latch is counted down. */
    CountDownLatch holdCalls() {
        CountDownLatch latch = new CountDownLatch(1);
        gate = latch;
        return latch;
    }

    int waitingAtGate() {
        return waitingAtGate.get();
    }

    public int calls() {
        return calls.get();
    }

    public int getSecretCalls() {
        return getSecretCalls.get();
    }

    public int updateCalls() {
        return updateCalls.get();
    }

    /** The record UIDs each get_secret asked for. */
    List<List<String>> requestedRecords() {
        return List.copyOf(requestedRecords);
    }

    // ---- the transport

    public Function3<String, TransmissionKey, EncryptedPayload, KeeperHttpResponse> transport() {
        return this::answer;
    }

    private KeeperHttpResponse answer(String url, TransmissionKey transmissionKey, EncryptedPayload payload) {
        int callNumber = calls.incrementAndGet();
        awaitGate();
        KeeperHttpResponse planned = failingCalls.remove(callNumber);
        if (planned != null) {
            return planned;
        }
        KeeperHttpResponse always = alwaysAnswer;
        if (always != null) {
            return always;
        }
        KeeperHttpResponse next = scripted.poll();
        if (next != null) {
            return next;
        }
        Integer keyId = requiredKeyId;
        if (keyId != null && transmissionKey.getPublicKeyId() != keyId) {
            String body = "{\"error\":\"key\",\"key_id\":" + keyId + "}";
            return new KeeperHttpResponse(401, body.getBytes(StandardCharsets.UTF_8));
        }
        if (!url.startsWith(PATH)) {
            return error(404, "not_found", "no such endpoint " + url);
        }
        try {
            JsonNode request = JSON.readTree(gcmDecrypt(payload.getPayload(), transmissionKey.getKey()));
            String clientId = request.path("clientId").asText();
            PublicKey clientKey = clientKey(clientId, request);
            if (clientKey == null) {
                return error(401, "access_denied", "unknown client");
            }
            if (!verify(clientKey, transmissionKey.getEncryptedKey(), payload)) {
                return error(401, "access_denied", "Signature is invalid");
            }
            String endpoint = url.substring(PATH.length());
            return switch (endpoint) {
                case "get_secret" -> getSecret(clientId, request, transmissionKey.getKey());
                case "update_secret" -> updateSecret(request);
                default -> error(400, "invalid_request", "endpoint " + endpoint + " is not faked");
            };
        } catch (Exception e) {
            throw new IllegalStateException("fake Keeper backend failed: " + e, e);
        }
    }

    private void awaitGate() {
        CountDownLatch latch = gate;
        if (latch == null) {
            return;
        }
        waitingAtGate.incrementAndGet();
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not open the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            waitingAtGate.decrementAndGet();
        }
    }

    /** A bound client's key; or, on the first call after binding, the key the request carries. */
    private PublicKey clientKey(String clientId, JsonNode request) throws GeneralSecurityException {
        PublicKey known = clients.get(clientId);
        if (known != null) {
            return known;
        }
        if (pendingClientKeys.containsKey(clientId) && request.hasNonNull("publicKey")) {
            byte[] raw = Base64.getDecoder().decode(request.get("publicKey").asText());
            byte[] x509 = ByteBuffer.allocate(P256_X509_PREFIX.length + raw.length).put(P256_X509_PREFIX).put(raw)
                    .array();
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(x509));
        }
        return null;
    }

    private KeeperHttpResponse getSecret(String clientId, JsonNode request, byte[] transmissionKey)
            throws Exception {
        getSecretCalls.incrementAndGet();
        ObjectNode body = JSON.createObjectNode();
        byte[] clientKey = pendingClientKeys.remove(clientId);
        if (clientKey != null) {
            // binding: register the client's public key, hand out the app key encrypted with the client key
            byte[] raw = Base64.getDecoder().decode(request.get("publicKey").asText());
            clients.put(clientId, KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(
                    ByteBuffer.allocate(P256_X509_PREFIX.length + raw.length).put(P256_X509_PREFIX).put(raw)
                            .array())));
            body.put("encryptedAppKey", b64(gcmEncrypt(appKey, clientKey)));
            body.put("appOwnerPublicKey", b64(rawPublicKey(newEcKeyPair())));
        } else {
            body.putNull("encryptedAppKey");
        }
        body.putNull("folders");
        List<String> wanted = new ArrayList<>();
        request.path("requestedRecords").forEach(n -> wanted.add(n.asText()));
        requestedRecords.add(List.copyOf(wanted));
        ArrayNode out = body.putArray("records");
        for (Map.Entry<String, StoredRecord> e : records.entrySet()) {
            if (!wanted.isEmpty() && !wanted.contains(e.getKey())) {
                continue;
            }
            StoredRecord r = e.getValue();
            ObjectNode rec = out.addObject();
            rec.put("recordUid", e.getKey());
            rec.put("recordKey", b64(gcmEncrypt(r.recordKey, appKey)));
            rec.put("data", b64(gcmEncrypt(r.json.getBytes(StandardCharsets.UTF_8), r.recordKey)));
            rec.put("revision", r.revision);
            rec.put("isEditable", true);
            rec.putNull("files");
            rec.putNull("innerFolderUid");
        }
        return new KeeperHttpResponse(200, gcmEncrypt(JSON.writeValueAsBytes(body), transmissionKey));
    }

    private KeeperHttpResponse updateSecret(JsonNode request) throws Exception {
        updateCalls.incrementAndGet();
        String uid = request.path("recordUid").asText();
        StoredRecord r = records.get(uid);
        if (r == null) {
            return error(404, "not_found", "record " + uid + " not found");
        }
        synchronized (r) {
            long revision = request.path("revision").asLong(-1);
            if (revision != r.revision) {
                return error(409, "out_of_sync", "record " + uid + " has revision " + r.revision);
            }
            byte[] data = gcmDecrypt(Base64.getUrlDecoder().decode(request.path("data").asText()), r.recordKey);
            String json = new String(data, StandardCharsets.UTF_8);
            JSON.readTree(json); // must be a record
            r.json = json;
            r.revision++;
        }
        return new KeeperHttpResponse(200, new byte[0]);
    }

    private static KeeperHttpResponse error(int status, String error, String message) {
        ObjectNode body = JSON.createObjectNode().put("error", error).put("message", message);
        return new KeeperHttpResponse(status, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    // ---- crypto, as Keeper's service does it

    private boolean verify(PublicKey key, byte[] encryptedKey, EncryptedPayload payload)
            throws GeneralSecurityException {
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initVerify(key);
        signature.update(encryptedKey);
        signature.update(payload.getPayload());
        return signature.verify(payload.getSignature());
    }

    private byte[] gcmEncrypt(byte[] plain, byte[] key) throws GeneralSecurityException {
        byte[] iv = randomBytes(12);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(plain);
        return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
    }

    private static byte[] gcmDecrypt(byte[] ivAndSealed, byte[] key) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, ivAndSealed, 0, 12));
        return cipher.doFinal(ivAndSealed, 12, ivAndSealed.length - 12);
    }

    private static String clientIdOf(byte[] clientKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(clientKey, "HmacSHA512"));
            return Base64.getEncoder().encodeToString(mac.doFinal(CLIENT_ID_TAG.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newEcKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] rawPublicKey(KeyPair pair) {
        byte[] x509 = pair.getPublic().getEncoded();
        byte[] raw = new byte[65];
        System.arraycopy(x509, x509.length - 65, raw, 0, 65);
        return raw;
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
