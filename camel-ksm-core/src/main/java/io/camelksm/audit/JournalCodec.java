package io.camelksm.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import io.camelksm.access.AccessMode;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;

/**
 * The binary form of one audit event in the journal. Strings are a length ({@code -1} for null) and UTF-8 bytes,
 * written char by char so that encoding allocates nothing; they are clipped to the lengths the database keeps, so a
 * record stays small and never fails to fit.
 */
final class JournalCodec {

    static final int MAX_TEXT = 512;
    static final int MAX_ROLES = 4000;
    static final int MAX_REASON = 8000;
    private static final AuditOutcome[] OUTCOMES = AuditOutcome.values();
    private static final AccessMode[] ACCESS_MODES = AccessMode.values();

    private JournalCodec() {
    }

    /** An upper bound of the encoded size of the event, in bytes. */
    static int maxSize(AuditEvent e) {
        int size = 8 + 4 + 1 + 1 + 4 + 8 + 4 + 10 * 4;
        size += max(e.credential(), MAX_TEXT) + max(e.operation(), MAX_TEXT) + max(e.routeId(), MAX_TEXT)
                + max(e.exchangeId(), MAX_TEXT) + max(e.principal(), MAX_TEXT) + max(e.process(), MAX_TEXT)
                + max(e.resource(), MAX_TEXT) + max(e.reason(), MAX_REASON) + max(e.lastExchangeId(), MAX_TEXT);
        if (e.roles().isEmpty()) {
            return size; // no iterator on the hot path
        }
        // at most MAX_ROLES roles are written (each takes at least one character of the budget)
        return size + 3 * MAX_ROLES + 4 * Math.min(e.roles().size(), MAX_ROLES);
    }

    private static int max(String s, int clip) {
        return s == null ? 0 : 3 * Math.min(s.length(), clip);
    }

    /** Writes the event at the buffer's position; the buffer must have {@link #maxSize} bytes left. */
    static void encode(AuditEvent e, ByteBuffer out) {
        Instant time = e.time() == null ? Instant.EPOCH : e.time();
        out.putLong(time.getEpochSecond()).putInt(time.getNano());
        out.put((byte) e.outcome().ordinal());
        out.put((byte) (e.access() == null ? 0 : e.access().ordinal() + 1)); // 0: an administrator's action
        putString(out, e.credential(), MAX_TEXT);
        putString(out, e.operation(), MAX_TEXT);
        putString(out, e.routeId(), MAX_TEXT);
        putString(out, e.exchangeId(), MAX_TEXT);
        putString(out, e.principal(), MAX_TEXT);
        putString(out, e.process(), MAX_TEXT);
        putString(out, e.resource(), MAX_TEXT);
        putString(out, e.reason(), MAX_REASON);
        int countAt = out.position();
        out.putInt(0);
        if (!e.roles().isEmpty()) {
            int written = 0;
            // what the database keeps of the roles (joined by commas); the rest would be cut there anyway. Only whole
            // roles are written, so a cut never makes up a role name ("role" out of "role-4711")
            int roleChars = MAX_ROLES;
            for (String role : e.roles()) {
                if (role.length() + 1 > roleChars) {
                    continue; // a shorter one may still fit
                }
                putString(out, role, role.length());
                roleChars -= role.length() + 1;
                written++;
            }
            out.putInt(countAt, written);
        }
        out.putInt(e.occurrences());
        if (e.occurrences() > 1) {
            Instant last = e.lastTime() == null ? time : e.lastTime();
            out.putLong(last.getEpochSecond()).putInt(last.getNano());
            putString(out, e.lastExchangeId(), MAX_TEXT);
        }
    }

    /** Reads an event written by {@link #encode} from the buffer's position. */
    static AuditEvent decode(ByteBuffer in) {
        Instant time = Instant.ofEpochSecond(in.getLong(), in.getInt());
        AuditOutcome outcome = OUTCOMES[in.get()];
        int accessCode = in.get();
        AccessMode access = accessCode == 0 ? null : ACCESS_MODES[accessCode - 1];
        String credential = getString(in);
        String operation = getString(in);
        String routeId = getString(in);
        String exchangeId = getString(in);
        String principal = getString(in);
        String process = getString(in);
        String resource = getString(in);
        String reason = getString(in);
        int roleCount = in.getInt();
        Set<String> roles = roleCount == 0 ? Set.of() : new HashSet<>();
        for (int i = 0; i < roleCount; i++) {
            roles.add(getString(in));
        }
        int occurrences = in.getInt();
        Instant lastTime = null;
        String lastExchangeId = null;
        if (occurrences > 1) {
            lastTime = Instant.ofEpochSecond(in.getLong(), in.getInt());
            lastExchangeId = getString(in);
        }
        return new AuditEvent(time, credential, operation, routeId, exchangeId, principal, roles, process, resource,
                outcome, reason, occurrences, lastTime, lastExchangeId, access);
    }

    private static void putString(ByteBuffer out, String s, int clip) {
        if (s == null) {
            out.putInt(-1);
            return;
        }
        int lengthAt = out.position();
        out.putInt(0);
        int start = out.position();
        int n = Math.min(s.length(), clip);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.put((byte) c);
            } else if (c < 0x800) {
                out.put((byte) (0xC0 | (c >> 6))).put((byte) (0x80 | (c & 0x3F)));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out.put((byte) (0xF0 | (cp >> 18))).put((byte) (0x80 | ((cp >> 12) & 0x3F)))
                        .put((byte) (0x80 | ((cp >> 6) & 0x3F))).put((byte) (0x80 | (cp & 0x3F)));
            } else if (Character.isSurrogate(c)) {
                out.put((byte) '?'); // a lone surrogate has no UTF-8 form
            } else {
                out.put((byte) (0xE0 | (c >> 12))).put((byte) (0x80 | ((c >> 6) & 0x3F)))
                        .put((byte) (0x80 | (c & 0x3F)));
            }
        }
        out.putInt(lengthAt, out.position() - start);
    }

    private static String getString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        if (length > in.remaining()) {
            throw new IllegalStateException("string of " + length + " bytes overruns the record");
        }
        String s;
        if (in.hasArray()) {
            s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
            in.position(in.position() + length);
        } else {
            byte[] bytes = new byte[length];
            in.get(bytes);
            s = new String(bytes, StandardCharsets.UTF_8);
        }
        return s;
    }

}
