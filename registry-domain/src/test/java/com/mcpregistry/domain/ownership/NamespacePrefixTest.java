package com.mcpregistry.domain.ownership;

import static com.mcpregistry.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.user.GroupId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NamespacePrefixTest {

    @Test
    void a_prefix_covers_its_namespace_and_sub_namespaces_and_nothing_that_merely_starts_alike() {
        NamespacePrefix finance = new NamespacePrefix("com.contoso.finance");

        assertThat(finance.covers(new ServerName("com.contoso.finance/ledger"))).isTrue();
        assertThat(finance.covers(new ServerName("com.contoso.finance.emea/ledger")))
                .isTrue();
        assertThat(finance.covers(new ServerName("com.contoso.financebank/ledger")))
                .isFalse();
        assertThat(finance.covers(new ServerName("com.contoso/finance"))).isFalse();
    }

    @Test
    void the_candidates_for_a_name_are_its_namespace_and_each_parent_longest_first() {
        assertThat(NamespacePrefix.candidatesFor(new ServerName("com.contoso.finance/ledger")))
                .extracting(NamespacePrefix::value)
                .containsExactly("com.contoso.finance", "com.contoso", "com");
        assertThat(NamespacePrefix.candidatesFor(new ServerName("io.github.ann/tools")))
                .extracting(NamespacePrefix::value)
                .containsExactly("io.github.ann", "io.github", "io");
        assertThat(NamespacePrefix.candidatesFor(new ServerName("a..b/x")))
                .extracting(NamespacePrefix::value)
                .containsExactly("a");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {".com", "com.", "com..contoso", "com/contoso", "com contoso", "com_contoso", "%"})
    void a_malformed_prefix_is_invalid_input_on_prefix(String raw) {
        assertRejected("prefix", () -> new NamespacePrefix(raw));
    }

    @Test
    void group_ids_are_guids_in_any_case_and_owners_are_named_by_wire_name() {
        GroupId group = GroupId.parse("group", " 6F1C2A3B-0000-4000-8000-00000000000A ");

        assertThat(group.value()).isEqualTo("6f1c2a3b-0000-4000-8000-00000000000a");
        assertThat(Owner.parse("owner", "group:" + group)).isEqualTo(Owner.group(group));
        assertRejected("group", () -> GroupId.parse("group", "finance-team"));
        assertRejected("owner", () -> Owner.parse("owner", "team:finance"));
        assertRejected("owner", () -> Owner.parse("owner", "user:not-a-uuid"));
    }
}
