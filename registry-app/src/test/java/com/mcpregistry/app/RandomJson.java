package com.mcpregistry.app;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * Random JSON text from a seed: any type at any depth, numbers far beyond {@code long} and {@code double},
 * strings with NUL, control characters, lone surrogates (as {@code \\u} escapes, which no encoder would write),
 * emoji and right-to-left text, and now and then text that is not JSON at all. Objects mostly use the field names
 * the API knows, so that the values reach its validation, not just its "unknown field" check.
 */
final class RandomJson {
    private static final String[] SAMPLES = {
        "",
        " ",
        "com.contoso/ledger",
        "com.contoso.e2e/random",
        "1.0.0",
        "2.0.0-beta.1",
        "latest",
        "^1.2",
        "https://mcp.contoso.example/mcp",
        "http://127.0.0.1:8080/",
        "https://user:pass@contoso.example/",
        "javascript:alert(1)",
        "owner@contoso.example",
        "not-an-email",
        "streamable-http",
        "sse",
        "stdio",
        "Approved",
        "Rejected",
        "Deprecated",
        "Pending",
        "'; drop table registrations; --",
        "%_\\",
        "\u202Eevil\u202C",
        "\uD83D\uDE80 rocket",
        "\u00e9\u00e8\u00ea",
        "null",
        "true",
        "a@b",
        "x".repeat(101),
        "y".repeat(2049)
    };

    private final Random random;
    private final List<String> fields;

    RandomJson(long seed, List<String> fields) {
        this.random = new Random(seed);
        this.fields = fields;
    }

    /** A request body: usually an object, sometimes any other JSON value or broken text. */
    String body() {
        int pick = random.nextInt(20);
        if (pick == 0) {
            return broken(object(0));
        }
        if (pick == 1) {
            return value(0);
        }
        return object(0);
    }

    String object(int depth) {
        StringBuilder out = new StringBuilder("{");
        int size = random.nextInt(depth == 0 ? 9 : 4);
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.append(',');
            }
            String key = random.nextInt(6) == 0 ? string() : quote(fields.get(random.nextInt(fields.size())));
            out.append(key).append(':').append(value(depth + 1));
        }
        return out.append('}').toString();
    }

    String value(int depth) {
        int pick = random.nextInt(depth > 5 ? 7 : 10);
        return switch (pick) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> number();
            case 3, 4, 5 -> string();
            case 6 -> quote(SAMPLES[random.nextInt(SAMPLES.length)]);
            case 7 -> array(depth);
            default -> object(depth);
        };
    }

    private String array(int depth) {
        StringBuilder out = new StringBuilder("[");
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(random.nextBoolean() ? string() : value(depth + 1));
        }
        return out.append(']').toString();
    }

    private String number() {
        return switch (random.nextInt(8)) {
            case 0 -> Integer.toString(random.nextInt());
            case 1 -> Long.toString(random.nextLong());
            case 2 -> new BigInteger(random.nextInt(3000) + 64, random).toString();
            case 3 -> "1e" + (random.nextInt(2) == 0 ? "" : "-") + random.nextInt(1_000_000);
            case 4 -> "-0";
            case 5 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(300)));
            case 6 -> "0." + "9".repeat(random.nextInt(1200) + 1);
            default -> Integer.toString(random.nextInt(200) - 100);
        };
    }

    /** A JSON string literal of random characters, written with escapes where JSON needs them or we want them. */
    private String string() {
        int length = random.nextInt(10) == 0 ? random.nextInt(5000) : random.nextInt(40);
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(12);
            switch (kind) {
                case 0 -> out.append(String.format("\\u%04x", random.nextInt(0x20))); // control, NUL included
                case 1 -> out.append(String.format("\\u%04x", 0xD800 + random.nextInt(0x800))); // lone surrogate
                case 2 -> out.appendCodePoint(0x1F300 + random.nextInt(0x300)); // emoji
                case 3 -> out.appendCodePoint(0x0590 + random.nextInt(0x100)); // Hebrew, Arabic
                case 4 -> out.append("\\\"");
                case 5 -> out.append("\\\\");
                case 6 -> out.appendCodePoint(0xA0 + random.nextInt(0xD000));
                default -> {
                    char c = (char) (' ' + random.nextInt(95)); // printable ASCII, quotes and backslashes aside
                    out.append(c == '"' || c == '\\' ? 'q' : c);
                }
            }
        }
        return out.append('"').toString();
    }

    private String broken(String json) {
        return switch (random.nextInt(4)) {
            case 0 -> json.substring(0, random.nextInt(Math.max(1, json.length())));
            case 1 -> json + "}";
            case 2 -> json.replace(':', '=');
            default -> "{" + json;
        };
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
