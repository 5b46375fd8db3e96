package io.camelksm.store.keeper;

/** A record changed in Keeper since it was read: its revision is not the one an update was based on. */
public class KeeperStaleRecordException extends KeeperStoreException {

    private final long expectedRevision;
    private final long actualRevision;

    public KeeperStaleRecordException(String recordUid, long expectedRevision, long actualRevision) {
        super("Keeper record '" + recordUid + "' was changed meanwhile: expected revision " + expectedRevision
              + " but Keeper has revision " + actualRevision);
        this.expectedRevision = expectedRevision;
        this.actualRevision = actualRevision;
    }

    public long expectedRevision() {
        return expectedRevision;
    }

    public long actualRevision() {
        return actualRevision;
    }
}
