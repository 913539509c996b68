package com.mcpregistry.http.serverjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.domain.Validation;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.serverjson.JsonPointer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One JSON object of a server.json document, at its JSON pointer, read field by field into the registry's types.
 * Every problem of its fields is collected under the field's pointer; {@link #build} then makes the domain value,
 * or throws every problem at once. Unknown fields are left alone: the official schema allows them.
 */
final class DocumentObject {
    private final String pointer;
    private final JsonNode node;
    private final Validation validation = new Validation();

    private DocumentObject(String pointer, JsonNode node) {
        this.pointer = pointer;
        this.node = node;
    }

    /** The object at {@code pointer}; a value of another JSON type is refused there. */
    static DocumentObject at(String pointer, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw InvalidInput.of(pointer, "must be a JSON object");
        }
        return new DocumentObject(pointer, node);
    }

    String pointer() {
        return pointer;
    }

    String pointerOf(String field) {
        return JsonPointer.append(pointer, field);
    }

    /** The field's string; empty when absent or null, or (recording the error) when not a string. */
    Optional<String> text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            validation.reject(pointerOf(field), "must be a string");
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    /** The field's string, which must be there. */
    Optional<String> requiredText(String field) {
        if (isAbsent(field)) {
            validation.reject(pointerOf(field), "is required");
            return Optional.empty();
        }
        return text(field);
    }

    /** The field's boolean; false when absent or null (the schema's default), recording an error when not one. */
    boolean flag(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            validation.reject(pointerOf(field), "must be true or false");
            return false;
        }
        return value.booleanValue();
    }

    /**
     * The field's string made into a value type; empty when absent or invalid. The value's own errors are filed
     * under the field's pointer ({@link Validation#check(String, Supplier)}).
     */
    <T> Optional<T> value(String field, Function<String, T> parse) {
        return text(field).map(raw -> validation.check(pointerOf(field), () -> parse.apply(raw)));
    }

    /** Like {@link #value} but the field must be there. */
    <T> Optional<T> required(String field, Function<String, T> parse) {
        return requiredText(field).map(raw -> validation.check(pointerOf(field), () -> parse.apply(raw)));
    }

    /** The field's string parsed by a domain parse method that names the field it is given: its pointer. */
    <T> Optional<T> named(String field, BiFunction<String, String, T> parse) {
        return text(field).map(raw -> validation.check(() -> parse.apply(pointerOf(field), raw)));
    }

    /** Like {@link #named} but the field must be there. */
    <T> Optional<T> requiredNamed(String field, BiFunction<String, String, T> parse) {
        return requiredText(field).map(raw -> validation.check(() -> parse.apply(pointerOf(field), raw)));
    }

    /** A list of strings; empty when absent, recording an error for a non-array and for each non-string item. */
    List<String> textList(String field) {
        List<String> values = new ArrayList<>();
        forEachItem(field, (itemPointer, item) -> {
            if (item.isTextual()) {
                values.add(item.textValue());
            } else {
                validation.reject(itemPointer, "must be a string");
            }
        });
        return values;
    }

    /** A list of objects, each read by {@code read}; empty when absent; every item's problems are recorded. */
    <T> List<T> list(String field, Function<DocumentObject, T> read) {
        List<T> values = new ArrayList<>();
        forEachItem(field, (itemPointer, item) -> {
            T value = validation.check(() -> read.apply(at(itemPointer, item)));
            if (value != null) {
                values.add(value);
            }
        });
        return values;
    }

    /** The object in {@code field} read by {@code read}; empty when absent or invalid (its problems recorded). */
    <T> Optional<T> object(String field, Function<DocumentObject, T> read) {
        if (isAbsent(field)) {
            return Optional.empty();
        }
        return Optional.ofNullable(validation.check(() -> read.apply(at(pointerOf(field), node.get(field)))));
    }

    /** Like {@link #object} but the field must be there. */
    <T> Optional<T> requiredObject(String field, Function<DocumentObject, T> read) {
        if (isAbsent(field)) {
            validation.reject(pointerOf(field), "is required");
            return Optional.empty();
        }
        return object(field, read);
    }

    /** The members of the object in {@code field}, in the document's order; empty when absent. */
    List<Map.Entry<String, JsonNode>> members(String field) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
        if (isAbsent(field)) {
            return members;
        }
        JsonNode value = node.get(field);
        if (!value.isObject()) {
            validation.reject(pointerOf(field), "must be a JSON object");
            return members;
        }
        value.fields().forEachRemaining(members::add);
        return members;
    }

    boolean has(String field) {
        return !isAbsent(field);
    }

    void reject(String pointer, String message) {
        validation.reject(pointer, message);
    }

    /** Records the problems of building a value whose errors name pointers from the document's root. */
    <T> T check(Supplier<T> value) {
        return validation.check(value);
    }

    /** Records the problems of building a value found at {@code pointer} ({@link Validation#check(String, Supplier)}). */
    <T> T check(String pointer, Supplier<T> value) {
        return validation.check(pointer, value);
    }

    /**
     * Throws every problem of the fields read so far; if there is none, builds the domain value, whose own
     * refusals are filed under this object's pointer.
     */
    <T> T build(Supplier<T> value) {
        validation.complete();
        Validation refusals = new Validation();
        T built = refusals.check(pointer, value);
        refusals.complete();
        return built;
    }

    /** Throws every problem recorded, when one of them leaves nothing to build (a missing or unknown type). */
    <T> T refused() {
        validation.complete();
        throw new IllegalStateException("refused at " + pointer + " without a recorded problem");
    }

    private boolean isAbsent(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull();
    }

    private void forEachItem(String field, ItemReader reader) {
        if (isAbsent(field)) {
            return;
        }
        JsonNode value = node.get(field);
        if (!value.isArray()) {
            validation.reject(pointerOf(field), "must be an array");
            return;
        }
        Iterator<JsonNode> items = value.elements();
        for (int i = 0; items.hasNext(); i++) {
            reader.read(JsonPointer.append(pointerOf(field), i), items.next());
        }
    }

    private interface ItemReader {
        void read(String pointer, JsonNode item);
    }
}
