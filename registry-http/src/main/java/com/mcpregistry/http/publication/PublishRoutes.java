package com.mcpregistry.http.publication;

import com.mcpregistry.checks.port.in.RemoteChecksUseCase;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.registration.Tags;
import com.mcpregistry.domain.serverjson.ServerDocument;
import com.mcpregistry.http.serverjson.ServerJsonReader;
import com.mcpregistry.http.shared.Access;
import com.mcpregistry.http.shared.Callers;
import com.mcpregistry.http.shared.JsonBody;
import com.mcpregistry.http.shared.RequestIds;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase.SubmitRegistration;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * Publishing from CI, as the official registry's {@code POST /v0.1/publish} (and {@code /v0}) takes it: the body is
 * one server.json, the caller any signed-in user or service principal with a bearer token, and the answer the
 * official {@code 200} with a {@code ServerResponse}. Here a publish is a submission: the version is Pending until an
 * administrator approves it, which the answer says under our own {@code _meta} key; the ownership rules of every
 * submission apply. Problems of the document are named by JSON pointer into it ({@code /packages/0/identifier});
 * errors take the MCP Registry API's {@code {"error": "..."}} shape, as every answer under these paths does.
 */
public final class PublishRoutes {
    private static final String PUBLISH = "/publish";

    private final SubmitRegistrationUseCase submit;
    private final RemoteChecksUseCase checks;
    private final PublicApi mode;

    public PublishRoutes(SubmitRegistrationUseCase submit, RemoteChecksUseCase checks, PublicApi mode) {
        this.submit = submit;
        this.checks = checks;
        this.mode = mode;
    }

    /** The routes, which exist where the MCP Registry API does ({@link PublicApi#OFF}: nowhere). */
    public void addTo(RoutesConfig routes) {
        if (mode == PublicApi.OFF) {
            return;
        }
        for (String prefix : PublishedServerRoutes.PREFIXES) {
            routes.post(prefix + PUBLISH, this::publish, Access.USER);
        }
    }

    private void publish(Context ctx) {
        ServerDocument document = ServerJsonReader.read(JsonBody.read(ctx).json());
        Registration submitted = submit.submit(new SubmitRegistration(
                Callers.of(ctx).actor(),
                document.name(),
                document.version(),
                new ServerDetails(document.definition(), Optional.empty(), Tags.NONE),
                Optional.empty(),
                RequestIds.forAudit(ctx)));
        ctx.json(ServerListJson.ServerResponseJson.submitted(
                submitted, checks.health(List.of(submitted)).get(submitted.id())));
    }
}
