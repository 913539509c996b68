package com.mcpregistry.bench;

/** Something the benchmark cannot go on without; its message says what and where to look. */
final class BenchmarkFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BenchmarkFailure(String message) {
        super(message);
    }
}
