package io.camelksm.store.jdbc;

/**
 * Listens on {@link ChangeNotice#CHANNEL} for the changes other nodes and {@code ksm-admin} commit to the shared
 * PostgreSQL database, on a connection of its own, and hands each notice to one {@link ChangeNoticeListener}. When the
 * connection is lost it says so ({@link ChangeNoticeListener#lost()}), reconnects with back-off, and says when it
 * listens again.
 */
public final class ChangeNotices implements AutoCloseable {

    // TODO(helper A): the listening thread, reconnection, the probe, statistics

    public ChangeNoticeHealth health() {
        return ChangeNoticeHealth.off("not implemented yet");
    }

    @Override
    public void close() {
    }
}
