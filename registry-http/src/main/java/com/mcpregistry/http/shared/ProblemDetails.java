package com.mcpregistry.http.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.DomainException;
import com.mcpregistry.domain.error.FieldError;
import com.mcpregistry.domain.error.Forbidden;
import com.mcpregistry.domain.error.IdempotencyKeyInUse;
import com.mcpregistry.domain.error.IdempotencyKeyReused;
import com.mcpregistry.domain.error.InsufficientScope;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.error.NotFound;
import com.mcpregistry.domain.error.StaleVersion;
import com.mcpregistry.domain.error.Unauthenticated;
import com.mcpregistry.domain.error.Unavailable;
import com.mcpregistry.domain.error.VersionRequired;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become answers: RFC 9457 {@code application/problem+json}, except on the MCP
 * Registry API, whose clients expect the official registry's {@code {"error": "..."}} (its openapi.yaml documents
 * that shape for every error) and which marks its requests with {@link #answerAsRegistryApi}.
 */
public final class ProblemDetails {
    public static final String CONTENT_TYPE = "application/problem+json";
    /** How long a client should wait before retrying when a dependency is down. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetails.class);
    private static final String REGISTRY_API = "registry.errors.mcpRegistryApi";
    private static final String ANSWERED = "registry.errors.answered";
    private static final String IDEMPOTENCY_KEY_REUSED = "the Idempotency-Key was already used for a different request";
    private static final String IDEMPOTENCY_KEY_IN_USE = "the Idempotency-Key is being used by a concurrent request";
    private static final String VERSION_REQUIRED = "an approval or rejection must name the version of the registration"
            + " you reviewed, because its submitter may have edited it since you read it: send If-Match with the ETag"
            + " you read (e.g. If-Match: \"3\"; * names no version) or \"row_version\" in the body. If the"
            + " registration changed since, the answer is 412 and nothing changes.";

    /**
     * The JSON body of an error answer of the MCP Registry API, e.g. {@code {"error":"Server not found"}}; for invalid
     * input, {@code error} lists every rejected field and {@code errors} names each one apart (by JSON pointer into a
     * published document), which the official shape allows beside {@code error}.
     */
    public record RegistryError(String error, List<FieldError> errors) {}

    /** The JSON body of a problem answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(
            String type, String title, int status, String detail, String instance, List<FieldError> errors) {}

    private ProblemDetails() {}

    public static void register(RoutesConfig routes, AllowedMethods allowedMethods) {
        routes.exception(DomainException.class, (e, ctx) -> domain(e, ctx));
        routes.exception(MethodNotAllowedResponse.class, (e, ctx) -> {
            String allowed = String.join(", ", allowedMethods.of(ctx.path()));
            ctx.header("Allow", allowed);
            write(
                    ctx,
                    405,
                    "Method Not Allowed",
                    ctx.method() + " is not allowed on " + ctx.path() + "; it allows " + allowed,
                    null);
        });
        routes.exception(HttpProblem.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            write(ctx, e.status(), e.title(), e.getMessage(), null);
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            HttpStatus status = HttpStatus.forStatus(e.getStatus());
            write(ctx, e.getStatus(), status.getMessage(), e.getMessage(), null);
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure answering {} {}", ctx.method(), ctx.path(), e);
            write(
                    ctx,
                    500,
                    "Internal Server Error",
                    "the registry failed to answer; the request id is in the logs",
                    null);
        });
        routes.error(404, ctx -> {
            if (!isProblem(ctx)) {
                write(ctx, 404, "Not Found", "no route " + ctx.method() + " " + ctx.path(), null);
            }
        });
        routes.error(405, ctx -> {
            if (!isProblem(ctx)) {
                write(ctx, 405, "Method Not Allowed", ctx.method() + " is not allowed on " + ctx.path(), null);
            }
        });
    }

    private static void domain(DomainException e, Context ctx) {
        if (e instanceof InvalidInput invalid) {
            write(ctx, 400, "Bad Request", "the request has invalid fields", invalid.errors());
        } else if (e instanceof Unauthenticated) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            write(ctx, 401, "Unauthorized", e.getMessage(), null);
        } else if (e instanceof InsufficientScope insufficient) {
            ctx.header(
                    "WWW-Authenticate",
                    "Bearer error=\"insufficient_scope\", scope=\"" + insufficient.requiredScope() + "\"");
            write(ctx, 403, "Forbidden", e.getMessage(), null);
        } else if (e instanceof Forbidden) {
            write(ctx, 403, "Forbidden", e.getMessage(), null);
        } else if (e instanceof NotFound) {
            write(ctx, 404, "Not Found", e.getMessage(), null);
        } else if (e instanceof IdempotencyKeyInUse) {
            // A conflict too; the answer names the header the client sent the key in, as for a reused key.
            write(ctx, 409, "Conflict", IDEMPOTENCY_KEY_IN_USE, null);
        } else if (e instanceof Conflict) {
            write(ctx, 409, "Conflict", e.getMessage(), null);
        } else if (e instanceof StaleVersion) {
            write(ctx, 412, "Precondition Failed", e.getMessage(), null);
        } else if (e instanceof VersionRequired) {
            // The domain asks for the version decided on; the answer says how a client names it.
            write(ctx, 428, "Precondition Required", VERSION_REQUIRED, null);
        } else if (e instanceof IdempotencyKeyReused) {
            // The domain speaks of a reused idempotency key; the answer names the header the client sent it in.
            write(ctx, 422, "Unprocessable Content", IDEMPOTENCY_KEY_REUSED, null);
        } else if (e instanceof Unavailable) {
            LOG.warn("answering 503: {}", e.getMessage());
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            write(ctx, 503, "Service Unavailable", e.getMessage(), null);
        } else {
            throw new IllegalStateException("unmapped domain error " + e.getClass(), e);
        }
    }

    private static boolean isProblem(Context ctx) {
        String contentType = ctx.res().getContentType();
        return ctx.attribute(ANSWERED) != null || (contentType != null && contentType.startsWith(CONTENT_TYPE));
    }

    /** Makes every error of this request an MCP Registry API error body instead of a problem document. */
    public static void answerAsRegistryApi(Context ctx) {
        ctx.attribute(REGISTRY_API, Boolean.TRUE);
    }

    /** Writes a problem answer; {@code errors} lists rejected fields for validation failures. */
    public static void write(Context ctx, int status, String title, String detail, List<FieldError> errors) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        if (ctx.attribute(REGISTRY_API) != null) {
            String message = errors == null || errors.isEmpty()
                    ? detail
                    : errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
            ctx.status(status)
                    .contentType("application/json")
                    .result(Json.writeBytes(
                            new RegistryError(message, errors == null || errors.isEmpty() ? null : errors)));
            return;
        }
        Problem problem =
                new Problem("about:blank#" + Integer.toString(status), title, status, detail, ctx.path(), errors);
        ctx.status(status).contentType(CONTENT_TYPE).result(Json.writeBytes(problem));
    }
}
