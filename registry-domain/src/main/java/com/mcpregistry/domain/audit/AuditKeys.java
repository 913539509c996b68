package com.mcpregistry.domain.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys the audit chain knows: the current one, which hashes new events and signs checkpoints, and earlier ones,
 * which only verify what they hashed. Without a current key new events are hashed unkeyed (plain SHA-256), as every
 * event was before the chain had keys.
 */
public final class AuditKeys {

    private final Optional<AuditKey> current;
    private final Map<String, AuditKey> byId;
    private final List<String> ids;

    private AuditKeys(Optional<AuditKey> current, List<AuditKey> previous) {
        this.current = Objects.requireNonNull(current, "current");
        Map<String, AuditKey> keys = new LinkedHashMap<>();
        List<AuditKey> all = new ArrayList<>();
        current.ifPresent(all::add);
        all.addAll(previous);
        for (AuditKey key : all) {
            if (keys.putIfAbsent(key.id(), key) != null) {
                throw new IllegalArgumentException("the audit key id '" + key.id() + "' is given twice");
            }
        }
        this.byId = Map.copyOf(keys);
        this.ids = List.copyOf(keys.keySet());
    }

    /** No keys: an unkeyed chain. */
    public static AuditKeys none() {
        return new AuditKeys(Optional.empty(), List.of());
    }

    /** {@code current} for new events, {@code previous} to verify older ones; every id at most once. */
    public static AuditKeys of(Optional<AuditKey> current, List<AuditKey> previous) {
        return new AuditKeys(current, List.copyOf(previous));
    }

    /** Only {@code current}. */
    public static AuditKeys of(AuditKey current) {
        return of(Optional.of(current), List.of());
    }

    /** The key new events are hashed under, if there is one. */
    public Optional<AuditKey> current() {
        return current;
    }

    /** The key named {@code id}, current or earlier. */
    public Optional<AuditKey> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The ids only, current first. */
    @Override
    public String toString() {
        return "AuditKeys[current=" + current.map(AuditKey::id).orElse("none") + ", known=" + ids + "]";
    }
}
