package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.Validation;
import com.mcpregistry.domain.WireNames;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** An image a client may show for a server: an https URL, its type, the sizes it suits, and the theme it is for. */
public record Icon(HttpUrl src, Optional<MimeType> mimeType, List<String> sizes, Optional<Theme> theme) {
    public static final int MAX_SRC_LENGTH = 255;
    private static final Pattern SIZE = Pattern.compile("^(\\d+x\\d+|any)$");

    public Icon {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(mimeType, "mimeType");
        sizes = List.copyOf(sizes);
        Objects.requireNonNull(theme, "theme");
        Validation validation = new Validation();
        if (!src.value().regionMatches(true, 0, "https://", 0, 8)) {
            validation.reject("/src", "must be an https URL");
        }
        if (src.value().length() > MAX_SRC_LENGTH) {
            validation.reject("/src", "must be at most " + MAX_SRC_LENGTH + " characters long");
        }
        for (int i = 0; i < sizes.size(); i++) {
            if (!SIZE.matcher(sizes.get(i)).matches()) {
                validation.reject(JsonPointer.append("/sizes", i), "must be WxH such as 48x48, or any");
            }
        }
        validation.complete();
    }

    /** The image types an icon may declare. */
    public enum MimeType {
        PNG("image/png"),
        JPEG("image/jpeg"),
        JPG("image/jpg"),
        SVG("image/svg+xml"),
        WEBP("image/webp");

        private final String wireName;

        MimeType(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static MimeType parse(String field, String raw) {
            return WireNames.parse(field, raw, values(), MimeType::wireName);
        }
    }

    /** The background an icon is drawn for. */
    public enum Theme {
        LIGHT("light"),
        DARK("dark");

        private final String wireName;

        Theme(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Theme parse(String field, String raw) {
            return WireNames.parse(field, raw, values(), Theme::wireName);
        }
    }
}
