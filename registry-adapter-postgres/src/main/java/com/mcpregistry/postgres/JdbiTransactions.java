package com.mcpregistry.postgres;

import com.mcpregistry.postgres.shared.SqlErrors;
import com.mcpregistry.transaction.Transactions;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link Transactions} as one database transaction. Jdbi keeps the transaction's handle for the thread, and the
 * repositories reach the database only through {@code Jdbi#withHandle}/{@code Jdbi#inTransaction} on the same
 * {@code Jdbi}, so every statement of the work runs in this transaction. A nested call joins the outer
 * transaction; only the outermost one commits or rolls back.
 */
public final class JdbiTransactions implements Transactions {

    private final Jdbi jdbi;

    public JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return SqlErrors.translating(() -> jdbi.inTransaction(handle -> work.get()));
    }
}
