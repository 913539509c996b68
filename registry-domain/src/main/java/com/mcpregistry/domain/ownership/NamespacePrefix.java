package com.mcpregistry.domain.ownership;

import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.shared.ServerName;
import java.util.ArrayList;
import java.util.List;

/**
 * A reverse-DNS namespace that can be claimed, such as {@code com.contoso.finance}. It covers the server names whose
 * namespace (the part before the {@code /}) is the prefix itself or one of its sub-namespaces: {@code
 * com.contoso.finance/ledger} and {@code com.contoso.finance.emea/ledger}, not {@code com.contoso.financebank/x}.
 */
public record NamespacePrefix(String value) {
    public static final int MAX_LENGTH = ServerName.MAX_LENGTH;

    public NamespacePrefix {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !wellFormed(value)) {
            throw InvalidInput.of(
                    "prefix",
                    "must be a reverse-DNS namespace such as com.contoso.finance: labels of letters, digits and"
                            + " '-' separated by single dots, at most " + MAX_LENGTH + " characters");
        }
    }

    private static boolean wellFormed(String value) {
        if (value.startsWith(".") || value.endsWith(".") || value.contains("..")) {
            return false;
        }
        return value.chars()
                .allMatch(c -> (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || c == '.'
                        || c == '-');
    }

    /** The namespace of {@code name}: everything before its {@code /}. */
    public static String namespaceOf(ServerName name) {
        return name.value().substring(0, name.value().indexOf('/'));
    }

    /** Whether this prefix covers {@code name}. */
    public boolean covers(ServerName name) {
        String namespace = namespaceOf(name);
        return namespace.equals(value) || namespace.startsWith(value + ".");
    }

    /**
     * Every prefix that could cover {@code name}, longest first: for {@code com.contoso.finance/ledger} that is
     * {@code com.contoso.finance}, {@code com.contoso} and {@code com}. A store finds the claim on a name by looking
     * these up, and the first one claimed wins. Labels a prefix cannot hold (an empty one, say) end the list.
     */
    public static List<NamespacePrefix> candidatesFor(ServerName name) {
        String namespace = namespaceOf(name);
        List<NamespacePrefix> candidates = new ArrayList<>();
        for (int end = namespace.length(); end > 0; end = namespace.lastIndexOf('.', end - 1)) {
            String prefix = namespace.substring(0, end);
            if (!prefix.isEmpty() && !prefix.endsWith(".") && !prefix.startsWith(".") && !prefix.contains("..")) {
                candidates.add(new NamespacePrefix(prefix));
            }
        }
        return candidates;
    }

    @Override
    public String toString() {
        return value;
    }
}
