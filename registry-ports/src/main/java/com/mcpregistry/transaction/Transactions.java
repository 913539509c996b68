package com.mcpregistry.transaction;

import java.util.function.Supplier;

/** Runs a unit of work atomically: every change it makes through the repositories is kept, or none is. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
