package io.camelksm.store.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets the concurrent appends of one process share a transaction: while one thread writes, the others queue their
 * rows, and the next writer takes everything queued, in order. Appends are serialized by the chain head lock anyway;
 * fewer, larger transactions mean fewer turns at it. If a shared write fails, each caller's rows are written alone,
 * so one caller's bad rows never fail another's, and each caller still gets all-or-none for its own rows.
 */
final class GroupAppend {

    @FunctionalInterface
    interface Writer {
        /** Writes the rows in one transaction: all or none. */
        void write(List<Object[]> rows) throws SQLException;
    }

    private static final class Pending {
        final List<Object[]> rows;
        boolean done;
        Exception failure;

        Pending(List<Object[]> rows) {
            this.rows = rows;
        }
    }

    private final Writer writer;
    private final List<Pending> queue = new ArrayList<>();
    private boolean writing;

    GroupAppend(Writer writer) {
        this.writer = writer;
    }

    /** Returns once the rows are written (by this thread or another), or throws why they were not. */
    void append(List<Object[]> rows) throws SQLException {
        Pending mine = new Pending(rows);
        List<Pending> group;
        boolean interrupted = false;
        synchronized (this) {
            queue.add(mine);
            while (writing && !mine.done) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // our rows are queued: wait for them rather than lose track of them
                }
            }
            if (!mine.done) {
                writing = true;
                group = new ArrayList<>(queue);
                queue.clear();
            } else {
                group = null;
            }
        }
        if (group != null) {
            try {
                writeGroup(group);
            } finally {
                synchronized (this) {
                    writing = false;
                    notifyAll();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrow(mine);
    }

    /** Appends waiting for the current writer (for tests). */
    synchronized int queued() {
        return queue.size();
    }

    private void writeGroup(List<Pending> group) {
        Exception shared = null;
        if (group.size() > 1) {
            List<Object[]> all = new ArrayList<>();
            group.forEach(p -> all.addAll(p.rows));
            try {
                writer.write(all);
            } catch (SQLException | RuntimeException e) {
                shared = e;
            }
        }
        for (Pending p : group) {
            Exception failure = null;
            if (group.size() == 1 || shared != null) {
                try {
                    writer.write(p.rows);
                } catch (SQLException | RuntimeException e) {
                    failure = e;
                }
            }
            synchronized (this) {
                p.failure = failure;
                p.done = true;
            }
        }
    }

    private void rethrow(Pending mine) throws SQLException {
        Exception failure;
        synchronized (this) {
            failure = mine.failure;
        }
        if (failure instanceof SQLException sql) {
            throw sql;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
    }
}
