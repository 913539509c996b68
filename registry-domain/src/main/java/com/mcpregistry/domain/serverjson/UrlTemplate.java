package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.Text;
import com.mcpregistry.domain.error.InvalidInput;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URL of a remote or of a package's HTTP transport: an http or https URL that may hold {@code {variables}}
 * (e.g. {@code https://{tenant_id}.api.example.com/mcp}) and is a valid URL without credentials once they are
 * filled in.
 */
public record UrlTemplate(String value) {
    private static final String FIELD = "url";
    /** The 2025-12-11 schema's pattern for transport URLs. */
    private static final Pattern SHAPE = Pattern.compile("^https?://\\S+$");

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern PORT_VARIABLE = Pattern.compile(":\\{[A-Za-z_][A-Za-z0-9_]*}");

    public UrlTemplate {
        Text.require(FIELD, value, HttpUrl.MAX_LENGTH);
        if (!SHAPE.matcher(value).matches()) {
            throw InvalidInput.of(FIELD, "must start with http:// or https:// and contain no spaces");
        }
        String filledIn = filledIn(value);
        if (filledIn.indexOf('{') >= 0 || filledIn.indexOf('}') >= 0) {
            throw InvalidInput.of(FIELD, "must name each variable as {name}: letters, digits and _");
        }
        HttpUrl.of(FIELD, filledIn);
    }

    /** The URL with a sample value for each variable: a number after ':' (a port), a letter elsewhere. */
    public HttpUrl sample() {
        return new HttpUrl(filledIn(value));
    }

    private static String filledIn(String template) {
        return VARIABLE.matcher(PORT_VARIABLE.matcher(template).replaceAll(":1"))
                .replaceAll("x");
    }

    /** The URL with each {@code {variable}} written as {@code text}. */
    public String withEachVariableAs(String text) {
        return VARIABLE.matcher(value).replaceAll(Matcher.quoteReplacement(text));
    }

    /** The names in braces, in the order they first appear. */
    public Set<String> variableNames() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(value);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Override
    public String toString() {
        return value;
    }
}
