package com.mcpregistry.domain.serverjson;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How a client talks to a package it started: over stdio, or over HTTP at a URL with headers. */
public sealed interface Transport {
    /** The transport's {@code type} in server.json. */
    String type();

    /** The URL of an HTTP transport; none for stdio. */
    Optional<UrlTemplate> url();

    record Stdio() implements Transport {
        @Override
        public String type() {
            return "stdio";
        }

        @Override
        public Optional<UrlTemplate> url() {
            return Optional.empty();
        }
    }

    record StreamableHttp(UrlTemplate urlTemplate, List<KeyValueInput> headers) implements Transport {
        public StreamableHttp {
            Objects.requireNonNull(urlTemplate, "urlTemplate");
            headers = List.copyOf(headers);
        }

        @Override
        public String type() {
            return "streamable-http";
        }

        @Override
        public Optional<UrlTemplate> url() {
            return Optional.of(urlTemplate);
        }
    }

    record Sse(UrlTemplate urlTemplate, List<KeyValueInput> headers) implements Transport {
        public Sse {
            Objects.requireNonNull(urlTemplate, "urlTemplate");
            headers = List.copyOf(headers);
        }

        @Override
        public String type() {
            return "sse";
        }

        @Override
        public Optional<UrlTemplate> url() {
            return Optional.of(urlTemplate);
        }
    }
}
