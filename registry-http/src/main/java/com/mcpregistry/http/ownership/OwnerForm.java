package com.mcpregistry.http.ownership;

import com.mcpregistry.http.shared.JsonForm;
import com.mcpregistry.ownership.OwnerReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the owners a body names: {@code user:<user id>}, {@code group:<group object id>}, or a user's Entra object id
 * or verified e-mail, one by one, every error named by its field ({@code owner}, {@code owners[2]}).
 */
public final class OwnerForm {
    /** The most owners one request may name: a server or a claim is owned by a few people and teams. */
    public static final int MAX_OWNERS = 100;

    private OwnerForm() {}

    /** The one owner {@code field} names. */
    static OwnerReference owner(JsonForm body, String field) {
        return body.required(field, raw -> OwnerReference.parse(field, raw));
    }

    /** The owners the array {@code field} names: at least one, at most {@link #MAX_OWNERS}. */
    static List<OwnerReference> owners(JsonForm body, String field) {
        List<String> raw = body.requiredTextList(field).orElse(null);
        if (raw == null) {
            return List.of();
        }
        if (raw.isEmpty()) {
            body.reject(field, "must name at least one owner");
        }
        if (raw.size() > MAX_OWNERS) {
            body.reject(field, "must name at most " + MAX_OWNERS + " owners");
            return List.of();
        }
        List<OwnerReference> owners = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String item = field + "[" + i + "]";
            String text = raw.get(i);
            owners.add(body.check(() -> OwnerReference.parse(item, text)));
        }
        return owners.stream().filter(Objects::nonNull).toList();
    }
}
