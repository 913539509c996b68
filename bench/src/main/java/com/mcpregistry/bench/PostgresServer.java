package com.mcpregistry.bench;

import java.util.OptionalLong;

/** The PostgreSQL server the benchmark runs on: the embedded one it starts, or the one --database-url names. */
sealed interface PostgresServer extends AutoCloseable permits BenchPostgres, PostgresServer.External {

    /** A database on the server that the benchmark's role may connect to and create databases from. */
    DatabaseUrl url();

    /** The postmaster, whose CPU time (and its children's) the table shows; only for a server on this machine. */
    OptionalLong postmasterPid();

    /** For the report's header. */
    String description();

    @Override
    void close();

    /** A server the benchmark neither starts nor stops. */
    record External(DatabaseUrl url) implements PostgresServer {
        @Override
        public OptionalLong postmasterPid() {
            return OptionalLong.empty();
        }

        @Override
        public String description() {
            return "given by --database-url";
        }

        @Override
        public void close() {}
    }
}
