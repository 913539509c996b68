package com.mcpregistry.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One endpoint of the table: how wrk requests it and what pgbench runs for it, the very statements with the same
 * values.
 *
 * @param serve the instance wrk asks
 * @param paths the request paths wrk cycles through (none for a submission, which bench.lua makes itself)
 * @param pgbenchScripts pgbench's script and variable arguments
 * @param pgbenchProtocol {@code prepared} for what the driver prepares after five executions, {@code extended} for a
 *     search, which the registry never prepares on the server (each is planned for its own term)
 * @param floor the floor that answers the same requests, for the three rows that have one
 */
record Row(
        String name,
        Kind kind,
        ServeProcess serve,
        boolean signedIn,
        Optional<Path> paths,
        List<String> pgbenchScripts,
        String pgbenchProtocol,
        Optional<ServeProcess> floor) {

    enum Kind {
        READ,
        WRITE
    }

    boolean isRead() {
        return kind == Kind.READ;
    }

    /** The same requests to the floor, which reads without a token as the benchmark's first user. */
    Optional<Row> onFloor() {
        return floor.map(process -> new Row(
                name + ", floor", kind, process, false, paths, pgbenchScripts, pgbenchProtocol, Optional.empty()));
    }

    /** The row's name as a file name: {@code get-registrations-status-approved-first-page}. */
    String slug() {
        return name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "").toLowerCase(java.util.Locale.ROOT);
    }
}
