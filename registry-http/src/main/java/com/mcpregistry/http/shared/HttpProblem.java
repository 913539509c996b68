package com.mcpregistry.http.shared;

import java.util.Map;

/**
 * A failure that belongs to HTTP itself rather than to the registry's rules: a body too large, a media type not
 * supported, missing or rejected credentials. Carries its status and any headers the answer needs.
 */
public final class HttpProblem extends RuntimeException {
    private final int status;
    private final String title;
    private final Map<String, String> headers;

    public HttpProblem(int status, String title, String detail, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.title = title;
        this.headers = Map.copyOf(headers);
    }

    public HttpProblem(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static HttpProblem payloadTooLarge(long limit) {
        return new HttpProblem(413, "Content Too Large", "the request body is larger than " + limit + " bytes");
    }

    public static HttpProblem unsupportedMediaType(String contentType) {
        return new HttpProblem(
                415,
                "Unsupported Media Type",
                "send the body as application/json, not "
                        + (contentType == null ? "without a Content-Type" : contentType));
    }

    /** No credentials at all: the bare challenge of RFC 6750. */
    public static HttpProblem noCredentials() {
        return new HttpProblem(
                401, "Unauthorized", "this route needs a bearer access token", Map.of("WWW-Authenticate", "Bearer"));
    }

    public static HttpProblem invalidToken(String reason) {
        return new HttpProblem(
                401,
                "Unauthorized",
                "the access token is not valid: " + reason,
                Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }
}
