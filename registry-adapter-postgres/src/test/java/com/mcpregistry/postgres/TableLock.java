package com.mcpregistry.postgres;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Another session holding a table exclusively until closed: every statement reading it waits meanwhile, as one
 * reading a million rows would run on. For tests of what happens to a statement that outlives its time budget.
 */
public final class TableLock implements AutoCloseable {
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Void> holder;

    private TableLock(Jdbi jdbi, String table, CountDownLatch locked) {
        this.holder = CompletableFuture.runAsync(() -> {
            try (Handle handle = jdbi.open()) {
                handle.begin();
                handle.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
                locked.countDown();
                release.await(60, TimeUnit.SECONDS);
                handle.rollback();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Returns once {@code table} is held. */
    public static TableLock hold(Jdbi jdbi, String table) {
        CountDownLatch locked = new CountDownLatch(1);
        TableLock lock = new TableLock(jdbi, table, locked);
        try {
            if (!locked.await(30, TimeUnit.SECONDS)) {
                lock.close();
                throw new IllegalStateException("could not lock " + table + " within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while locking " + table, e);
        }
        return lock;
    }

    /** Lets the table go, and waits until it is free. */
    @Override
    public void close() {
        release.countDown();
        try {
            holder.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the session holding the table did not end", e);
        }
    }
}
