package com.mcpregistry.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * Whether the floor answers a row's requests with serve's very bytes: every path the row asks (its page, each of its
 * ids), serve's answer to the row's first user against the floor's. A difference does not end the run: the floor's
 * figures then measure some other work, and the report says where the first answer that differs starts to.
 *
 * @param answers how many answers were compared
 * @param difference the first difference: the path, the offset and the bytes around it on each side
 */
record FloorVerdict(int answers, Optional<String> difference) {

    private static final int CONTEXT = 40;

    boolean same() {
        return difference.isEmpty();
    }

    /** For the table: {@code same} or {@code DIFF}. */
    String mark() {
        return same() ? "same" : "DIFF";
    }

    String text() {
        return difference.orElse(
                "byte for byte the same as serve's (" + answers + (answers == 1 ? " answer" : " answers") + ")");
    }

    /** Compares the floor's answers to {@code row}'s requests with serve's; {@code token} is the row's first user's. */
    static FloorVerdict of(Row row, Answers answers, String token) throws IOException, InterruptedException {
        ServeProcess floor = row.floor().orElseThrow();
        List<String> paths = Files.readAllLines(row.paths().orElseThrow()).stream()
                .filter(path -> !path.isBlank())
                .toList();
        for (String path : paths) {
            byte[] serve = answers.get(row.serve(), path, row.signedIn() ? Optional.of(token) : Optional.empty());
            byte[] ours = answers.get(floor, path, Optional.empty());
            Optional<String> difference = difference(path, serve, ours);
            if (difference.isPresent()) {
                return new FloorVerdict(paths.size(), difference);
            }
        }
        return new FloorVerdict(paths.size(), Optional.empty());
    }

    /** Where {@code floor} first differs from {@code serve}, with what each has there; empty when they are equal. */
    static Optional<String> difference(String path, byte[] serve, byte[] floor) {
        int length = Math.min(serve.length, floor.length);
        int at = 0;
        while (at < length && serve[at] == floor[at]) {
            at++;
        }
        if (at == serve.length && at == floor.length) {
            return Optional.empty();
        }
        return Optional.of("differs from serve's at byte " + at + " of GET " + path + " (" + serve.length
                + " bytes, the" + " floor's " + floor.length + "): serve …" + around(serve, at) + "… floor …"
                + around(floor, at) + "…");
    }

    private static String around(byte[] body, int at) {
        int from = Math.max(0, at - CONTEXT);
        int to = Math.min(body.length, at + CONTEXT);
        return new String(body, from, to - from, StandardCharsets.UTF_8);
    }
}
