package com.mcpregistry.domain.registration;

import com.mcpregistry.domain.registration.Fixtures.Role;
import com.mcpregistry.domain.shared.RegistrationStatus;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * SPEC §2's workflow, written out by hand cell by cell so that the tests compare the code with the specification
 * and not with itself. Nothing here reads {@link Workflow#TABLE}.
 */
final class SpecTable {

    /**
     * Who gets what, for every status, action and person. A status is where the step leads; {@code deleted} means
     * soft-deleted with the status kept; {@code Conflict} means the action is not a step from this status;
     * {@code Forbidden} means this person may not take it. Precedence: a person who may never take an action (on
     * this registration, in any status) hears {@code Forbidden} whatever the status; otherwise an action that is
     * not a step from this status is a {@code Conflict}.
     */
    private static final String ACTIONS = """
            from        action      admin+submitter  admin       submitter   other
            Pending     edit        Pending          Forbidden   Pending     Forbidden
            Pending     approve     Approved         Approved    Forbidden   Forbidden
            Pending     reject      Rejected         Rejected    Forbidden   Forbidden
            Pending     deprecate   Conflict         Conflict    Conflict    Forbidden
            Pending     reactivate  Conflict         Conflict    Forbidden   Forbidden
            Pending     delete      deleted          deleted     deleted     Forbidden
            Pending     submit      Conflict         Conflict    Conflict    Conflict
            Approved    edit        Conflict         Forbidden   Conflict    Forbidden
            Approved    approve     Conflict         Conflict    Forbidden   Forbidden
            Approved    reject      Conflict         Conflict    Forbidden   Forbidden
            Approved    deprecate   Deprecated       Deprecated  Deprecated  Forbidden
            Approved    reactivate  Conflict         Conflict    Forbidden   Forbidden
            Approved    delete      deleted          deleted     Forbidden   Forbidden
            Approved    submit      Conflict         Conflict    Conflict    Conflict
            Rejected    edit        Pending          Forbidden   Pending     Forbidden
            Rejected    approve     Conflict         Conflict    Forbidden   Forbidden
            Rejected    reject      Conflict         Conflict    Forbidden   Forbidden
            Rejected    deprecate   Conflict         Conflict    Conflict    Forbidden
            Rejected    reactivate  Conflict         Conflict    Forbidden   Forbidden
            Rejected    delete      deleted          deleted     deleted     Forbidden
            Rejected    submit      Conflict         Conflict    Conflict    Conflict
            Deprecated  edit        Conflict         Forbidden   Conflict    Forbidden
            Deprecated  approve     Conflict         Conflict    Forbidden   Forbidden
            Deprecated  reject      Conflict         Conflict    Forbidden   Forbidden
            Deprecated  deprecate   Conflict         Conflict    Conflict    Forbidden
            Deprecated  reactivate  Approved         Approved    Forbidden   Forbidden
            Deprecated  delete      deleted          deleted     Forbidden   Forbidden
            Deprecated  submit      Conflict         Conflict    Conflict    Conflict
            """;

    /** The review action that a requested target status means, from each status; {@code -} when none does. */
    private static final String TARGETS = """
            from        Approved    Rejected  Deprecated
            Pending     approve     reject    -
            Approved    -           -         deprecate
            Rejected    -           -         -
            Deprecated  reactivate  -         -
            """;

    /** What happens when a person tries something. */
    sealed interface Outcome {}

    /** The step is taken and leads to {@code to}. */
    record Leads(RegistrationStatus to) implements Outcome {}

    /** The step is taken: the registration is soft-deleted and keeps its status. */
    record Deleted() implements Outcome {}

    record Conflicts() implements Outcome {}

    record Forbids() implements Outcome {}

    private static final Map<RegistrationStatus, Map<Action, Map<Role, Outcome>>> OUTCOMES = parseActions();
    private static final Map<RegistrationStatus, Map<RegistrationStatus, Optional<Action>>> REACHING = parseTargets();

    private SpecTable() {}

    static Outcome outcome(RegistrationStatus from, Action action, Role role) {
        Outcome outcome = OUTCOMES.get(from).get(action).get(role);
        if (outcome == null) {
            throw new IllegalStateException("the table misses " + from + " " + action + " " + role);
        }
        return outcome;
    }

    /** The review action a client's target status stands for; empty when no action reaches it (never Pending). */
    static Optional<Action> actionReaching(RegistrationStatus from, RegistrationStatus to) {
        return REACHING.get(from).get(to);
    }

    static boolean needsReason(Action action) {
        return action == Action.REJECT || action == Action.DEPRECATE;
    }

    private static Map<RegistrationStatus, Map<Action, Map<Role, Outcome>>> parseActions() {
        Map<RegistrationStatus, Map<Action, Map<Role, Outcome>>> table = new EnumMap<>(RegistrationStatus.class);
        String[] lines = ACTIONS.strip().split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].trim().split("\\s+");
            RegistrationStatus from = RegistrationStatus.parse("from", cells[0]);
            Action action = action(cells[1]);
            Map<Role, Outcome> byRole = new EnumMap<>(Role.class);
            byRole.put(Role.ADMIN_SUBMITTER, outcome(cells[2]));
            byRole.put(Role.ADMIN, outcome(cells[3]));
            byRole.put(Role.SUBMITTER, outcome(cells[4]));
            byRole.put(Role.OTHER, outcome(cells[5]));
            Map<Action, Map<Role, Outcome>> byAction = table.computeIfAbsent(from, s -> new EnumMap<>(Action.class));
            if (byAction.put(action, byRole) != null) {
                throw new IllegalStateException("the table repeats " + from + " " + action);
            }
        }
        return table;
    }

    private static Map<RegistrationStatus, Map<RegistrationStatus, Optional<Action>>> parseTargets() {
        Map<RegistrationStatus, Map<RegistrationStatus, Optional<Action>>> table =
                new EnumMap<>(RegistrationStatus.class);
        String[] lines = TARGETS.strip().split("\n");
        String[] header = lines[0].trim().split("\\s+");
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].trim().split("\\s+");
            Map<RegistrationStatus, Optional<Action>> byTarget = new HashMap<>();
            byTarget.put(RegistrationStatus.PENDING, Optional.empty());
            for (int c = 1; c < cells.length; c++) {
                RegistrationStatus to = RegistrationStatus.parse("to", header[c]);
                byTarget.put(to, cells[c].equals("-") ? Optional.empty() : Optional.of(action(cells[c])));
            }
            table.put(RegistrationStatus.parse("from", cells[0]), byTarget);
        }
        return table;
    }

    private static Action action(String wireName) {
        return Arrays.stream(Action.values())
                .filter(a -> a.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no action " + wireName));
    }

    private static Outcome outcome(String cell) {
        return switch (cell) {
            case "deleted" -> new Deleted();
            case "Conflict" -> new Conflicts();
            case "Forbidden" -> new Forbids();
            default -> new Leads(RegistrationStatus.parse("to", cell));
        };
    }
}
