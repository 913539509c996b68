package com.mcpregistry.http.registration;

import com.mcpregistry.domain.error.FieldError;
import com.mcpregistry.domain.error.InvalidInput;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a registration's server.json is in a body of the seed API: spelled out in the seed's simple fields, or sent
 * whole under {@code server}. The registry reports a problem of a document by JSON pointer into it
 * ({@code /remotes/0/url}); this names the field the client sent instead, so that a 400 points at what the client can
 * change. Fields that are not pointers ({@code owner_contact}) are left as they are.
 */
enum DocumentFields {
    /**
     * The seed's simple fields, which build a document of one remote: each part of it is named by the field that
     * says it ({@code /remotes/0/url} is {@code endpoint_url}).
     */
    SIMPLE {
        @Override
        String fieldOf(String pointer) {
            for (Map.Entry<String, String> part : SIMPLE_FIELDS) {
                if (pointer.equals(part.getKey()) || pointer.startsWith(part.getKey() + "/")) {
                    return part.getValue();
                }
            }
            return pointer;
        }
    },
    /** A whole server.json under {@code server}: its pointers, below {@code /server}. */
    SERVER {
        @Override
        String fieldOf(String pointer) {
            return "/" + RegistrationForm.SERVER + pointer;
        }
    };

    /** The parts of a document the seed's simple fields say, most specific first. */
    private static final List<Map.Entry<String, String>> SIMPLE_FIELDS = List.of(
            Map.entry("/name", "server_name"),
            Map.entry("/version", "version"),
            Map.entry("/title", "title"),
            Map.entry("/description", "description"),
            Map.entry("/remotes/0/type", "transport"),
            Map.entry("/remotes/0", "endpoint_url"),
            Map.entry("/repository", "repository_url"),
            Map.entry("/websiteUrl", "documentation_url"));

    /** The field a client sent for the part of the document at {@code pointer}. */
    abstract String fieldOf(String pointer);

    /** What {@code action} returns; its {@link InvalidInput} with each pointer named as the client sent it. */
    <T> T located(Supplier<T> action) {
        try {
            return action.get();
        } catch (InvalidInput refusal) {
            throw new InvalidInput(refusal.errors().stream()
                    .map(error ->
                            isPointer(error.field()) ? new FieldError(fieldOf(error.field()), error.message()) : error)
                    .toList());
        }
    }

    /** A JSON pointer into a document: empty (the whole document) or starting with {@code /}. */
    private static boolean isPointer(String field) {
        return field.isEmpty() || field.startsWith("/");
    }
}
