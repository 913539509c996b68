package com.mcpregistry.domain.registration;

import static com.mcpregistry.domain.registration.Action.APPROVE;
import static com.mcpregistry.domain.registration.Action.DELETE;
import static com.mcpregistry.domain.registration.Action.DEPRECATE;
import static com.mcpregistry.domain.registration.Action.EDIT;
import static com.mcpregistry.domain.registration.Action.REACTIVATE;
import static com.mcpregistry.domain.registration.Action.REJECT;
import static com.mcpregistry.domain.registration.Who.ADMIN;
import static com.mcpregistry.domain.registration.Who.ADMIN_OR_OWNER;
import static com.mcpregistry.domain.registration.Who.OWNER;
import static com.mcpregistry.domain.shared.RegistrationStatus.APPROVED;
import static com.mcpregistry.domain.shared.RegistrationStatus.DEPRECATED;
import static com.mcpregistry.domain.shared.RegistrationStatus.PENDING;
import static com.mcpregistry.domain.shared.RegistrationStatus.REJECTED;

import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.Forbidden;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.ownership.NotAnOwner;
import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.ownership.Ownership;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.Actor;
import java.util.List;

/**
 * The approval workflow as one table. Submitting creates a registration in {@code Pending}; every later step is a
 * row here. A step that is not in the table for the current status is a {@link Conflict}; a step that is there but
 * not for this actor is {@link Forbidden}.
 */
public final class Workflow {

    /** One row of the table: from a status, an action leads to a status and is open to some people. */
    public record Transition(RegistrationStatus from, Action action, RegistrationStatus to, Who who) {}

    public static final List<Transition> TABLE = List.of(
            new Transition(PENDING, EDIT, PENDING, OWNER),
            new Transition(REJECTED, EDIT, PENDING, OWNER),
            new Transition(PENDING, APPROVE, APPROVED, ADMIN),
            new Transition(PENDING, REJECT, REJECTED, ADMIN),
            new Transition(APPROVED, DEPRECATE, DEPRECATED, ADMIN_OR_OWNER),
            new Transition(DEPRECATED, REACTIVATE, APPROVED, ADMIN),
            // Deleting is soft: the status stays as it was, the registration leaves every read.
            new Transition(PENDING, DELETE, PENDING, ADMIN_OR_OWNER),
            new Transition(REJECTED, DELETE, REJECTED, ADMIN_OR_OWNER),
            new Transition(APPROVED, DELETE, APPROVED, ADMIN),
            new Transition(DEPRECATED, DELETE, DEPRECATED, ADMIN));

    private Workflow() {}

    /**
     * The transition {@code actor} takes by {@code action} on a registration in {@code from} whose server {@code
     * owners} own. Refusing someone who would be allowed as an owner is {@link NotAnOwner}, naming whom to ask.
     */
    public static Transition permit(RegistrationStatus from, Action action, Actor actor, Owners owners) {
        if (action == Action.SUBMIT) {
            // Anyone may submit (Who.ANY_USER), but only a new registration: this one exists already.
            throw new Conflict("a registration is submitted once; submit a new version instead");
        }
        List<Transition> forAction =
                TABLE.stream().filter(t -> t.action() == action).toList();
        if (forAction.stream().noneMatch(t -> t.who().includes(actor, owners))) {
            throw refusal(forAction, actor, owners, "you may not " + action.wireName() + " this registration");
        }
        Transition transition = forAction.stream()
                .filter(t -> t.from() == from)
                .findFirst()
                .orElseThrow(
                        () -> new Conflict("cannot " + action.wireName() + " a registration that is " + from.label()));
        if (!transition.who().includes(actor, owners)) {
            throw refusal(
                    List.of(transition),
                    actor,
                    owners,
                    "you may not " + action.wireName() + " a registration that is " + from.label());
        }
        return transition;
    }

    /** The actions {@code actor} may take now on a registration in {@code status} whose server {@code owners} own. */
    public static List<Action> openTo(RegistrationStatus status, Actor actor, Owners owners) {
        return TABLE.stream()
                .filter(t -> t.from() == status && t.who().includes(actor, owners))
                .map(Transition::action)
                .distinct()
                .toList();
    }

    /** Why {@code actor} may take none of {@code transitions}: as an owner they might, so say who the owners are. */
    private static Forbidden refusal(List<Transition> transitions, Actor actor, Owners owners, String message) {
        boolean ownersMay = transitions.stream().anyMatch(t -> t.who() == OWNER || t.who() == ADMIN_OR_OWNER);
        return ownersMay ? Ownership.notAnOwner(message, actor, owners) : new Forbidden(message);
    }

    /**
     * The review action that moves a registration from {@code from} to {@code to} ({@code Pending → Approved} is
     * approve, {@code Deprecated → Approved} is reactivate, …). A target no action reaches from there is a conflict.
     */
    public static Action actionReaching(RegistrationStatus from, RegistrationStatus to) {
        if (to == PENDING) {
            throw InvalidInput.of("status", "a registration returns to Pending only by being edited");
        }
        return TABLE.stream()
                .filter(t -> t.from() == from && t.to() == to && t.action().isReview())
                .map(Transition::action)
                .findFirst()
                .orElseThrow(
                        () -> new Conflict("cannot move a registration from " + from.label() + " to " + to.label()));
    }
}
