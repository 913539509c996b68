package com.mcpregistry.domain.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.shared.ServerName;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Server names and e-mail addresses are checked character by character, not with their regular expressions (every
 * row read builds them); on strings made of the characters that matter, the checks accept exactly what the
 * expressions and the length rules accept.
 */
class PatternsByHandTest {

    private static final int SAMPLES = 200_000;

    @Test
    void a_server_name_is_accepted_exactly_when_it_matches_its_pattern() {
        Pattern pattern = Pattern.compile(ServerName.PATTERN);
        List<String> disagreements = disagreements(
                "aZ09.-_/@ ö\\\t",
                12,
                value -> value.length() >= ServerName.MIN_LENGTH
                        && pattern.matcher(value).matches(),
                ServerName::new);

        assertThat(disagreements).isEmpty();
    }

    @Test
    void an_email_address_is_accepted_exactly_when_it_matches_its_pattern() {
        Pattern pattern = Pattern.compile(OwnerContact.PATTERN);
        List<String> disagreements = disagreements(
                "ab.@@ \t\u000B\r-+'ö",
                10,
                value -> !value.isBlank()
                        && value.chars().noneMatch(Character::isISOControl)
                        && pattern.matcher(value).matches(),
                OwnerContact::new);

        assertThat(disagreements).isEmpty();
    }

    /** Random strings over {@code alphabet} on which {@code build} and {@code expected} disagree. */
    private static List<String> disagreements(
            String alphabet, int maxLength, Function<String, Boolean> expected, Function<String, ?> build) {
        Random random = new Random(20_240_611);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(maxLength + 1);
            for (int j = 0; j < length; j++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = value.toString();
            boolean accepted;
            try {
                build.apply(candidate);
                accepted = true;
            } catch (InvalidInput e) {
                accepted = false;
            }
            if (accepted != expected.apply(candidate)) {
                disagreements.add(candidate);
            }
        }
        return disagreements;
    }
}
