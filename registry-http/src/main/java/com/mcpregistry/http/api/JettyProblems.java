package com.mcpregistry.http.api;

import com.mcpregistry.http.shared.Json;
import com.mcpregistry.http.shared.ProblemDetails;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before any route runs (a request header too large, a malformed request line), and
 * those the registry's own Jetty handlers answer (a request body that does not arrive in time), as problem+json like
 * every other error instead of Jetty's HTML page.
 */
final class JettyProblems extends ErrorHandler {
    private final int maxRequestHeaderBytes;

    JettyProblems(int maxRequestHeaderBytes) {
        this.maxRequestHeaderBytes = maxRequestHeaderBytes;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String detail = code == 431
                ? "the request headers are larger than " + maxRequestHeaderBytes + " bytes"
                : HttpStatus.getMessage(code);
        answer(request, response, callback, code, detail);
    }

    /** Answers {@code status} with a problem saying {@code detail}, and closes the connection after it. */
    static void answer(Request request, Response response, Callback callback, int status, String detail) {
        ProblemDetails.Problem problem = new ProblemDetails.Problem(
                "about:blank#" + status,
                HttpStatus.getMessage(status),
                status,
                detail,
                request.getHttpURI().getPath(),
                null);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemDetails.CONTENT_TYPE);
        // Jetty closes the connection after an error it answers itself (e.g. a NUL in the path) but does not always
        // say so; a client that reused the connection would see its next request fail without an answer.
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.write(true, ByteBuffer.wrap(Json.writeBytes(problem)), callback);
    }
}
