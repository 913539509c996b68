package com.mcpregistry.domain.registration;

import static com.mcpregistry.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OwnerContactTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "finance-tools@contoso.com",
                "a@b.co",
                "first.last+mcp@sub.contoso.co.uk",
                "O'Brien@contoso.com",
            })
    void accepts_email_addresses(String value) {
        assertThat(new OwnerContact(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "finance-tools",
                "finance-tools@contoso",
                "@contoso.com",
                "finance-tools@",
                "finance tools@contoso.com",
                "finance@tools@contoso.com",
                "finance-tools@@contoso.com",
                "finance-tools@contoso..com",
                "finance-tools@.contoso.com",
                "finance-tools@contoso.com.",
                "finance-tools@contoso .com",
                "   ",
            })
    void rejects_what_is_not_an_email_address(String value) {
        assertRejected("owner_contact", () -> new OwnerContact(value));
    }

    @Test
    void two_hundred_fifty_four_characters_is_the_longest_address() {
        String domain = "@contoso.com";
        String longest = "a".repeat(254 - domain.length()) + domain;
        assertThat(longest).hasSize(254);
        assertThat(new OwnerContact(longest).value()).isEqualTo(longest);

        assertRejected("owner_contact", () -> new OwnerContact("a" + longest));
    }
}
