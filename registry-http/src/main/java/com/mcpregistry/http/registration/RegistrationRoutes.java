package com.mcpregistry.http.registration;

import static com.mcpregistry.http.shared.Access.USER;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.checks.port.in.RemoteChecksUseCase;
import com.mcpregistry.domain.Text;
import com.mcpregistry.domain.checks.RegistrationHealth;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.registration.Action;
import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.http.audit.AuditEventJson;
import com.mcpregistry.http.shared.Callers;
import com.mcpregistry.http.shared.JsonBody;
import com.mcpregistry.http.shared.JsonForm;
import com.mcpregistry.http.shared.PageJson;
import com.mcpregistry.http.shared.QueryParameters;
import com.mcpregistry.http.shared.RequestIds;
import com.mcpregistry.http.shared.Routes;
import com.mcpregistry.identity.SignedIn;
import com.mcpregistry.paging.Page;
import com.mcpregistry.registration.port.in.DeleteRegistrationUseCase;
import com.mcpregistry.registration.port.in.DeleteRegistrationUseCase.DeleteRegistration;
import com.mcpregistry.registration.port.in.EditRegistrationUseCase;
import com.mcpregistry.registration.port.in.EditRegistrationUseCase.EditRegistration;
import com.mcpregistry.registration.port.in.FindRegistrationsUseCase;
import com.mcpregistry.registration.port.in.FindRegistrationsUseCase.RegistrationFilter;
import com.mcpregistry.registration.port.in.ReviewRegistrationUseCase;
import com.mcpregistry.registration.port.in.ReviewRegistrationUseCase.ChangeStatus;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase.IdempotencyKey;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase.SubmitRegistration;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The seed API's {@code /registrations} routes: submit, read, edit, review, delete, history. */
public final class RegistrationRoutes {
    /** The request header whose value makes a retried submission replay the first answer (SPEC §5a). */
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The body field of a status change that names the reviewed version, as {@code If-Match} does. */
    private static final String ROW_VERSION = "row_version";
    /** How many registrations a page holds when the client does not say. */
    public static final int DEFAULT_LIMIT = 20;

    private final SubmitRegistrationUseCase submit;
    private final EditRegistrationUseCase edit;
    private final ReviewRegistrationUseCase review;
    private final DeleteRegistrationUseCase delete;
    private final FindRegistrationsUseCase find;
    private final RemoteChecksUseCase checks;
    private final ReviewPrecondition reviewPrecondition;

    public RegistrationRoutes(
            SubmitRegistrationUseCase submit,
            EditRegistrationUseCase edit,
            ReviewRegistrationUseCase review,
            DeleteRegistrationUseCase delete,
            FindRegistrationsUseCase find,
            RemoteChecksUseCase checks,
            ReviewPrecondition reviewPrecondition) {
        this.submit = submit;
        this.edit = edit;
        this.review = review;
        this.delete = delete;
        this.find = find;
        this.checks = checks;
        this.reviewPrecondition = reviewPrecondition;
    }

    public void addTo(RoutesConfig routes) {
        routes.post("/registrations", this::submit, USER);
        Routes.get(routes, "/registrations", this::list, USER);
        Routes.get(routes, "/registrations/my", this::listMine, USER);
        Routes.get(routes, "/registrations/{registration_id}", this::get, USER);
        routes.patch("/registrations/{registration_id}", this::edit, USER);
        routes.patch("/registrations/{registration_id}/status", this::changeStatus, USER);
        routes.delete("/registrations/{registration_id}", this::delete, USER);
        Routes.get(routes, "/registrations/{registration_id}/history", this::history, USER);
    }

    private void submit(Context ctx) {
        SignedIn caller = Callers.of(ctx);
        JsonBody body = JsonBody.read(ctx);
        RegistrationForm.Submission submission = RegistrationForm.submission(body.form());
        Optional<IdempotencyKey> key = Optional.ofNullable(ctx.header(IDEMPOTENCY_KEY))
                .map(raw -> new IdempotencyKey(
                        Text.require(IDEMPOTENCY_KEY, raw, IdempotencyKey.MAX_LENGTH), body.fingerprint()));
        Registration created = submission
                .fields()
                .located(() -> submit.submit(new SubmitRegistration(
                        caller.actor(),
                        submission.serverName(),
                        submission.version(),
                        submission.details(),
                        key,
                        RequestIds.forAudit(ctx))));
        ctx.header("Location", "/registrations/" + created.id());
        respond(ctx.status(201), caller.actor(), created);
    }

    private void list(Context ctx) {
        Actor actor = Callers.of(ctx).actor();
        ctx.json(page(actor, find.list(actor, filter(ctx))));
    }

    private void listMine(Context ctx) {
        Actor actor = Callers.of(ctx).actor();
        ctx.json(page(actor, find.listMine(actor, filter(ctx))));
    }

    private void get(Context ctx) {
        Actor actor = Callers.of(ctx).actor();
        respond(ctx, actor, find.get(actor, id(ctx)));
    }

    private void edit(Context ctx) {
        Actor actor = Callers.of(ctx).actor();
        RegistrationId id = id(ctx);
        RegistrationForm.Edit change = RegistrationForm.patch(JsonBody.read(ctx).form());
        Registration edited = change.fields()
                .located(() -> edit.edit(
                        new EditRegistration(actor, id, change.patch(), ETags.ifMatch(ctx), RequestIds.forAudit(ctx))));
        respond(ctx, actor, edited);
    }

    private void changeStatus(Context ctx) {
        Actor actor = Callers.of(ctx).actor();
        RegistrationId id = id(ctx);
        JsonForm body = JsonBody.read(ctx).form().allowOnly(Set.of("status", "reason", ROW_VERSION), Set.of());
        RegistrationStatus target = body.required("status", raw -> RegistrationStatus.parse("status", raw));
        Optional<Reason> reason = body.value("reason", Reason::new);
        Optional<Long> rowVersion = body.positiveNumber(ROW_VERSION);
        body.complete();
        Registration changed = review.changeStatus(new ChangeStatus(
                actor,
                id,
                target,
                reason,
                reviewedVersion(ctx, rowVersion),
                RequestIds.forAudit(ctx),
                reviewPrecondition == ReviewPrecondition.REQUIRED));
        respond(ctx, actor, changed);
    }

    /**
     * The row version a status change was decided on, named by {@code If-Match} or by {@code row_version} in the
     * body. An approval or rejection must name one (unless {@link ReviewPrecondition#OPTIONAL}): the submitter may
     * edit a registration after an administrator read it, and the review must then fail (412) rather than approve
     * what nobody read.
     */
    private static Optional<Long> reviewedVersion(Context ctx, Optional<Long> rowVersion) {
        Optional<Long> ifMatch = ETags.ifMatch(ctx);
        if (ifMatch.isPresent() && rowVersion.isPresent() && !ifMatch.equals(rowVersion)) {
            throw InvalidInput.of(ROW_VERSION, "names version " + rowVersion.get() + " but If-Match another");
        }
        return ifMatch.or(() -> rowVersion);
    }

    private void delete(Context ctx) {
        Actor actor = Callers.of(ctx).actor();
        delete.delete(new DeleteRegistration(actor, id(ctx), ETags.ifMatch(ctx), RequestIds.forAudit(ctx)));
        ctx.status(204);
    }

    private void history(Context ctx) {
        List<AuditEntry> events = find.history(Callers.of(ctx).actor(), id(ctx));
        ctx.json(new PageJson<>(events.stream().map(AuditEventJson::of).toList(), null));
    }

    private static RegistrationFilter filter(Context ctx) {
        return new RegistrationFilter(
                QueryParameters.optional(ctx, "status", raw -> RegistrationStatus.parse("status", raw)),
                QueryParameters.search(ctx),
                QueryParameters.page(ctx, DEFAULT_LIMIT));
    }

    private static RegistrationId id(Context ctx) {
        return RegistrationId.parse("registration_id", ctx.pathParam("registration_id"));
    }

    /** One registration, with what {@code actor} may do with it now and how its remotes are. */
    private void respond(Context ctx, Actor actor, Registration registration) {
        ctx.header("ETag", ETags.of(registration.rowVersion()));
        List<Action> can = find.actionsOpenTo(actor, List.of(registration)).getOrDefault(registration.id(), List.of());
        RegistrationHealth health = checks.health(List.of(registration)).get(registration.id());
        ctx.json(RegistrationJson.detail(registration, can, health));
    }

    /**
     * A page of registrations, with what {@code actor} may do with each and how their remotes are, each asked once for
     * the whole page.
     */
    private PageJson<RegistrationJson> page(Actor actor, Page<Registration> page) {
        Map<RegistrationId, List<Action>> can = find.actionsOpenTo(actor, page.items());
        Map<RegistrationId, RegistrationHealth> health = checks.health(page.items());
        return PageJson.of(page, r -> RegistrationJson.of(r, can.getOrDefault(r.id(), List.of()), health.get(r.id())));
    }
}
