package com.mcpregistry.http.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.domain.Validation;
import com.mcpregistry.domain.error.InvalidInput;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The fields of a JSON object body, read into the registry's types one by one. Every problem with a field is
 * collected, so that the client hears about all of them in one 400 answer.
 */
public final class JsonForm {
    private final ObjectNode body;
    private final Validation validation = new Validation();

    JsonForm(ObjectNode body) {
        this.body = body;
    }

    /**
     * Rejects fields outside {@code allowed}; those in {@code serverOwned} are named as set by the registry, so
     * that a client learns why, and nothing of them is ever applied.
     */
    public JsonForm allowOnly(Set<String> allowed, Set<String> serverOwned) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (serverOwned.contains(name)) {
                validation.reject(name, "is set by the registry and cannot be sent");
            } else if (!allowed.contains(name)) {
                validation.reject(name, "is not a known field");
            }
        }
        return this;
    }

    public void reject(String field, String message) {
        validation.reject(field, message);
    }

    public boolean has(String field) {
        return body.has(field);
    }

    /** The field's JSON value as it was sent, to be read by a reader of its own; JSON null when absent. */
    public JsonNode json(String field) {
        JsonNode node = body.get(field);
        return node == null ? NullNode.getInstance() : node;
    }

    /** The field's text; empty when absent or null, or (recording the error) when not a string. */
    public Optional<String> text(String field) {
        return typed(field, JsonNode::isTextual, "must be a string", JsonNode::textValue);
    }

    /** The field's boolean; empty when absent or null, or (recording the error) when not a boolean. */
    public Optional<Boolean> flag(String field) {
        return typed(field, JsonNode::isBoolean, "must be true or false", JsonNode::booleanValue);
    }

    /** The field's whole number of at least 1; empty when absent or null, or (recording the error) when not one. */
    public Optional<Long> positiveNumber(String field) {
        return typed(
                field,
                node -> node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 1,
                "must be a whole number from 1",
                JsonNode::longValue);
    }

    /** The field read as {@code read} does; empty when absent or null, or (recording the error) when not {@code is}. */
    private <T> Optional<T> typed(String field, Predicate<JsonNode> is, String otherwise, Function<JsonNode, T> read) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!is.test(node)) {
            validation.reject(field, otherwise);
            return Optional.empty();
        }
        return Optional.of(read.apply(node));
    }

    /** The field parsed into a value type; empty when absent, null or invalid (the error is recorded). */
    public <T> Optional<T> value(String field, Function<String, T> parse) {
        return text(field).map(text -> validation.check(() -> parse.apply(text)));
    }

    /** Like {@link #value} but the field must be there. */
    public <T> T required(String field, Function<String, T> parse) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            validation.reject(field, "is required");
            return null;
        }
        return value(field, parse).orElse(null);
    }

    /** For a field that may be cleared: empty when absent, an empty inner value when null. */
    public <T> Optional<Optional<T>> clearable(String field, Function<String, T> parse) {
        if (!body.has(field)) {
            return Optional.empty();
        }
        if (body.get(field).isNull()) {
            return Optional.of(Optional.empty());
        }
        return value(field, parse).map(Optional::of);
    }

    /** A list of strings; empty when absent, recording an error when it is not an array of strings. */
    public Optional<List<String>> textList(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            validation.reject(field, "must be an array of strings");
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        Iterator<JsonNode> items = node.elements();
        for (int i = 0; items.hasNext(); i++) {
            JsonNode item = items.next();
            if (!item.isTextual()) {
                validation.reject(field + "[" + i + "]", "must be a string");
                return Optional.empty();
            }
            values.add(item.textValue());
        }
        return Optional.of(values);
    }

    /** Like {@link #textList} but the field must be there: empty, recording the error, when it is not. */
    public Optional<List<String>> requiredTextList(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            validation.reject(field, "is required");
            return Optional.empty();
        }
        return textList(field);
    }

    /** Builds a value from several fields, recording its error if it is invalid. */
    public <T> T check(Supplier<T> value) {
        return validation.check(value);
    }

    /** Throws one {@link InvalidInput} listing every field error found so far. */
    public void complete() {
        validation.complete();
    }
}
