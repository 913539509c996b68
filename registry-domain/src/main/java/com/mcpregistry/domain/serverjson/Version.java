package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.Text;
import com.mcpregistry.domain.error.InvalidInput;
import java.util.regex.Pattern;

/**
 * One exact version of a server, preferably semantic ({@code 1.4.0}, {@code 2.0.0-rc.1+build.5}). Never
 * {@code latest} (a word the registry API reserves) and never a range such as {@code ^1.2}, {@code ~1},
 * {@code >=1}, {@code 1.x} or {@code 1.*}.
 */
public record Version(String value) {
    public static final int MAX_LENGTH = 255;
    // Declared before DEFAULT: static fields initialise in order, and DEFAULT's constructor needs the pattern.
    private static final Pattern CHARACTERS = Pattern.compile("^[0-9A-Za-z][0-9A-Za-z.+_-]*$");
    public static final Version DEFAULT = new Version("1.0.0");

    public Version {
        Text.require("version", value, MAX_LENGTH);
        if (value.equalsIgnoreCase("latest")) {
            throw InvalidInput.of("version", "'latest' is reserved; give an exact version");
        }
        if (!CHARACTERS.matcher(value).matches() || isWildcard(value)) {
            throw InvalidInput.of("version", "must be one exact version such as 1.0.0, not a range");
        }
    }

    /** Whether one of the parts between '.', '+' and '-' is a lone {@code x} or {@code X}. */
    private static boolean isWildcard(String value) {
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || ".+-".indexOf(value.charAt(i)) >= 0) {
                if (i - start == 1 && (value.charAt(start) == 'x' || value.charAt(start) == 'X')) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return value;
    }
}
