package com.mcpregistry.domain.registration;

import com.mcpregistry.domain.Text;
import com.mcpregistry.domain.error.InvalidInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** An absolute http or https URL without credentials in it, at most 2048 characters. */
public record HttpUrl(String value) {
    public static final int MAX_LENGTH = 2048;
    private static final String FIELD = "url";

    public HttpUrl {
        check(FIELD, value);
    }

    /** Parses {@code raw} as the value of {@code field}, naming that field when it is invalid. */
    public static HttpUrl of(String field, String raw) {
        // One check on the way in, the constructor's; only a rejected value is checked again, to name its field.
        try {
            return new HttpUrl(raw);
        } catch (InvalidInput e) {
            check(field, raw);
            throw e;
        }
    }

    private static void check(String field, String raw) {
        Text.require(field, raw, MAX_LENGTH);
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw InvalidInput.of(field, "must be a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw InvalidInput.of(field, "must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw InvalidInput.of(field, "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw InvalidInput.of(field, "must not contain credentials");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
