package io.camelksm.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes audit events off the request thread: {@link #record} puts the event on a bounded queue and one background
 * thread writes the queue to the wrapped trail in batches ({@link AuditTrail#recordAll}), in the order recorded. The
 * queue is lock-free and the writer polls it, so recording costs the request thread one queue insertion, never a lock
 * or a thread wake-up; the bound is kept by counting.
 * <p>
 * No event is dropped. When the queue is full, {@code record} blocks until the writer has made room (back-pressure).
 * When the wrapped trail fails, the writer logs the failure and retries the same batch with a growing pause (up to
 * {@link #MAX_RETRY_PAUSE}); meanwhile the queue fills and requests block, so a broken audit database stops the
 * traffic instead of losing its record. {@link #close()} writes everything still queued; events it cannot write before
 * its timeout are logged one by one at ERROR to {@code camel.ksm.audit} as not persisted. {@link #tail} first waits
 * until everything recorded before it is written. After {@code close}, {@code record} writes synchronously.
 * <p>
 * The trade-off against writing synchronously: if the JVM dies, the events still queued (at most the queue's
 * capacity, normally a few milliseconds' worth) are lost.
 * <p>
 * {@link #summarizing} makes a writer that merges each batch before writing it ({@code auditMode=summary}): granted
 * reads ({@code authorize}, {@code get}) in the same batch that are identical in everything but time and exchange
 * become one event with {@link AuditEvent#occurrences()}, the first one's time and exchange and the last one's
 * {@link AuditEvent#lastTime()} and {@link AuditEvent#lastExchangeId()}, in the place of the first one. Denied and
 * failed decisions and every change are written one by one, in order. A batch is what queued up while the writer was
 * busy, so under light load every decision still gets its own entry; the occurrences written always add up to the
 * events recorded. Merging starts on the request thread: while a thread's granted read waits in the queue, that
 * thread's identical reads join it ({@code ThreadRun}) instead of being queued one by one.
 */
public final class AsyncAuditTrail implements AuditTrail, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncAuditTrail.class);

    public static final int DEFAULT_CAPACITY = 8192;
    public static final int DEFAULT_BATCH_SIZE = 256;
    static final Duration MAX_RETRY_PAUSE = Duration.ofSeconds(2);
    /**
     * How long the writer sleeps when the queue is empty. It polls rather than waiting on the queue, so that
     * {@link #record} never has to wake it: waking a thread is a system call, paid on the request thread.
     */
    static final long IDLE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /**
     * Summarizing: after a write, the writer lets the next batch grow this long (unless the queue is half full), so that
     * a busy route's reads merge into a few entries instead of one per write.
     */
    static final long SUMMARY_LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final AuditTrail durable;
    /** {@link AuditEvent}s and, when summarizing, {@link ThreadRun}s, in the order recorded. */
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    /** Summarizing: each thread's open run of identical granted reads; null otherwise. */
    private final ThreadLocal<ThreadRun> openRuns;
    private final int batchSize;
    private final int capacity;
    /** Merges identical granted reads of a batch; null when every event is written as it is. */
    private final AuditSummarizer summarizer;
    private final Duration closeTimeout;
    private final Thread writer;
    /** Events accepted by {@link #record}, counted before they are queued. */
    private final AtomicLong accepted = new AtomicLong();
    /** Events the writer has taken off the queue; written by the writer only. {@code accepted - taken} is queued. */
    private volatile long taken;
    /** The time of the first event of the batch being written (retried while the trail fails); null when idle. */
    private volatile Instant oldestUnwritten;
    /** A batch the writer took but could not write before it stopped, for {@link #close()}. */
    private List<AuditEvent> unwritten = List.of();
    /** Events written to the durable trail. */
    private final WriteProgress written = new WriteProgress(0);
    private volatile boolean closed;
    private volatile boolean stopWriter;

    /** With {@link #DEFAULT_CAPACITY} and {@link #DEFAULT_BATCH_SIZE}. */
    public AsyncAuditTrail(AuditTrail durable) {
        this(durable, DEFAULT_CAPACITY, DEFAULT_BATCH_SIZE);
    }

    public AsyncAuditTrail(AuditTrail durable, int capacity, int batchSize) {
        this(durable, capacity, batchSize, CLOSE_TIMEOUT, false);
    }

    /**
     * A writer that merges identical granted reads of each batch into one event (see the class comment), with
     * {@link #DEFAULT_CAPACITY}; a batch is whatever is queued, up to the capacity.
     */
    public static AsyncAuditTrail summarizing(AuditTrail durable) {
        return summarizing(durable, DEFAULT_CAPACITY, DEFAULT_CAPACITY);
    }

    /** A writer that merges identical granted reads of each batch into one event (see the class comment). */
    public static AsyncAuditTrail summarizing(AuditTrail durable, int capacity, int batchSize) {
        return new AsyncAuditTrail(durable, capacity, batchSize, CLOSE_TIMEOUT, true);
    }

    AsyncAuditTrail(AuditTrail durable, int capacity, int batchSize, Duration closeTimeout) {
        this(durable, capacity, batchSize, closeTimeout, false);
    }

    AsyncAuditTrail(AuditTrail durable, int capacity, int batchSize, Duration closeTimeout, boolean summarize) {
        this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
        this.durable = Objects.requireNonNull(durable, "durable");
        if (capacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("capacity and batchSize must be at least 1, got " + capacity + " and "
                                               + batchSize);
        }
        this.batchSize = batchSize;
        this.capacity = capacity;
        this.summarizer = summarize ? new AuditSummarizer() : null;
        this.openRuns = summarize ? new ThreadLocal<>() : null;
        this.writer = new Thread(this::writeLoop, "camel-ksm-audit-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        if (closed) {
            durable.record(event);
            return;
        }
        if (openRuns != null && AuditSummarizer.mergeable(event)) {
            ThreadRun run = openRuns.get();
            if (run != null && run.tryAdd(event)) {
                return; // joined this thread's run, which is still queued
            }
            run = new ThreadRun(event);
            openRuns.set(run);
            enqueue(run);
            return;
        }
        enqueue(event);
    }

    private void enqueue(Object item) {
        long position = accepted.incrementAndGet();
        queue.offer(item);
        if (position - taken > capacity) {
            awaitRoom(position);
        }
    }

    /** A queued item as the event to write; a thread's run is closed to further decisions here. */
    private static AuditEvent toEvent(Object item) {
        return item instanceof ThreadRun run ? run.close() : (AuditEvent) item;
    }

    /**
     * Back-pressure: waits while more than the capacity is queued ahead of the event, never dropping it. The event is
     * already queued, so an interrupt only ends the wait.
     */
    private void awaitRoom(long position) {
        long pause = TimeUnit.MICROSECONDS.toNanos(50);
        while (position - taken > capacity && !stopWriter && writer.isAlive()) {
            LockSupport.unpark(writer);
            LockSupport.parkNanos(this, pause);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** Waits until everything recorded so far is written, then reads the wrapped trail. */
    @Override
    public List<AuditEvent> tail(int count) {
        flush(CLOSE_TIMEOUT);
        return durable.tail(count);
    }

    /**
     * Waits until every event recorded before this call is written to the wrapped trail, at most the timeout.
     *
     * @return whether everything was written in time
     */
    public boolean flush(Duration timeout) {
        return written.await(accepted.get(), timeout, writer);
    }

    /** Whether batches are merged before they are written (auditMode=summary). */
    public boolean isSummarizing() {
        return summarizer != null;
    }

    /**
     * The time of the first event of the batch the writer is writing (retried while the trail fails), or empty when it
     * is idle: how far the durable trail lags behind.
     */
    public Optional<Instant> oldestUnwritten() {
        return Optional.ofNullable(oldestUnwritten);
    }

    /** How many events wait to be written. */
    public int queued() {
        return (int) Math.max(0, accepted.get() - taken);
    }

    /**
     * Writes what is queued (at most 30 s), then stops the writer. Events that could not be written are logged at
     * ERROR to {@code camel.ksm.audit}, so they are not lost silently. Does not close the wrapped trail.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        flush(closeTimeout);
        stopWriter = true;
        writer.interrupt();
        try {
            writer.join(closeTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<AuditEvent> left = new ArrayList<>(unwritten); // the writer has ended (joined) or never will
        for (Object item = queue.poll(); item != null; item = queue.poll()) {
            left.add(toEvent(item));
        }
        if (!left.isEmpty()) {
            try {
                // one last try, on this thread (with a summarizer of its own: the writer may not have stopped)
                durable.recordAll(summarizer == null ? left : new AuditSummarizer().summarize(left));
                left.clear();
            } catch (RuntimeException e) {
                LOG.error("Writing the last {} audit events failed: {}", left.size(), e.toString());
            }
        }
        if (!left.isEmpty()) {
            LOG.error("The audit trail could not write {} queued audit events before closing; they follow on logger {}",
                    left.size(), Slf4jAuditTrail.LOGGER_NAME);
            left.forEach(Slf4jAuditTrail::notPersisted);
        }
    }

    private void writeLoop() {
        List<AuditEvent> batch = new ArrayList<>(Math.min(batchSize, 1024));
        List<AuditEvent> toWrite = batch;
        while (!stopWriter) {
            try {
                if (batch.isEmpty()) {
                    Object next;
                    while (batch.size() < batchSize && (next = queue.poll()) != null) {
                        batch.add(toEvent(next));
                    }
                    taken += batch.size(); // the writer is the only one to change it
                    if (batch.isEmpty()) {
                        pause(IDLE_PAUSE_NANOS);
                        continue;
                    }
                    oldestUnwritten = batch.get(0).time();
                    // merged once per batch, so a retry writes exactly the same events
                    toWrite = summarizer == null ? batch : summarizer.summarize(batch);
                }
                writeWithRetries(toWrite);
                oldestUnwritten = null;
                int size = batch.size();
                batch.clear();
                written.advance(size);
                if (summarizer != null && queued() < capacity / 2) {
                    pause(SUMMARY_LINGER_NANOS);
                }
            } catch (InterruptedException e) {
                if (stopWriter) {
                    break;
                }
            }
        }
        unwritten = new ArrayList<>(batch); // close() reads it after joining this thread
    }

    /** Sleeps, unless woken by {@link #flush} or {@link #close}. */
    private void pause(long nanos) throws InterruptedException {
        LockSupport.parkNanos(this, nanos);
        if (Thread.interrupted()) {
            throw new InterruptedException("woken to stop");
        }
    }

    private void writeWithRetries(List<AuditEvent> batch) throws InterruptedException {
        long pause = 50;
        for (int attempt = 1; ; attempt++) {
            try {
                durable.recordAll(batch);
                if (attempt > 1) {
                    LOG.warn("Wrote {} audit events after {} attempts", batch.size(), attempt);
                }
                return;
            } catch (RuntimeException | LinkageError e) {
                // a driver class failing to load must not kill the writer and leave requests waiting forever
                LOG.error("Writing {} audit events failed (attempt {}); retrying in {} ms ({} more queued, requests"
                          + " wait once the queue is full): {}", batch.size(), attempt, pause, queue.size(),
                        e.toString());
                if (stopWriter) {
                    throw new InterruptedException("closing");
                }
                Thread.sleep(pause);
                pause = Math.min(pause * 2, MAX_RETRY_PAUSE.toMillis());
            }
        }
    }
}
