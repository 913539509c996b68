package com.mcpregistry.registration.service;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.domain.error.AlreadyTaken;
import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.IdempotencyKeyReused;
import com.mcpregistry.domain.error.NotFound;
import com.mcpregistry.domain.error.StaleVersion;
import com.mcpregistry.domain.error.VersionRequired;
import com.mcpregistry.domain.ownership.NotAnOwner;
import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.registration.Action;
import com.mcpregistry.domain.registration.Change;
import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.registration.VersionOrder;
import com.mcpregistry.domain.registration.Visibility;
import com.mcpregistry.domain.registration.Workflow;
import com.mcpregistry.domain.serverjson.Locator;
import com.mcpregistry.domain.serverjson.PublishRules;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.limits.service.SubmissionQuotas;
import com.mcpregistry.ownership.service.ServerOwnership;
import com.mcpregistry.paging.Page;
import com.mcpregistry.publication.LatestVersion;
import com.mcpregistry.publication.port.out.PublishedServers;
import com.mcpregistry.registration.port.in.DeleteRegistrationUseCase;
import com.mcpregistry.registration.port.in.EditRegistrationUseCase;
import com.mcpregistry.registration.port.in.FindRegistrationsUseCase;
import com.mcpregistry.registration.port.in.ReviewRegistrationUseCase;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase;
import com.mcpregistry.registration.port.out.IdempotencyKeys;
import com.mcpregistry.registration.port.out.RegistrationQuery;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import com.mcpregistry.registration.port.out.UniquenessConflicts;
import com.mcpregistry.transaction.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/**
 * The registration use cases: each write stores the changed registration and its audit event in one transaction.
 * A review or delete that adds, changes or removes a published version also brings the {@link PublishedServers}
 * read model up to date in that transaction: the version's first publication time and which version of its server
 * is the latest. Such changes are serialised per server name, so the latest version is always computed from every
 * committed change of that server.
 */
public final class RegistrationService
        implements SubmitRegistrationUseCase,
                EditRegistrationUseCase,
                ReviewRegistrationUseCase,
                DeleteRegistrationUseCase,
                FindRegistrationsUseCase {

    private final RegistrationRepository registrations;
    private final PublishedServers published;
    private final AuditTrail auditTrail;
    private final IdempotencyKeys idempotencyKeys;
    private final Transactions transactions;
    private final Clock clock;
    private final SubmissionQuotas quotas;
    private final ServerOwnership ownership;
    private final PublishRules publishRules;
    private final CheckScheduling checkScheduling;

    /** The service with no quota on submissions, keeping no check schedule. */
    public RegistrationService(
            RegistrationRepository registrations,
            PublishedServers published,
            AuditTrail auditTrail,
            IdempotencyKeys idempotencyKeys,
            Transactions transactions,
            Clock clock,
            ServerOwnership ownership) {
        this(
                registrations,
                published,
                auditTrail,
                idempotencyKeys,
                transactions,
                clock,
                SubmissionQuotas.NONE,
                ownership,
                PublishRules.STRICT,
                CheckScheduling.NONE);
    }

    public RegistrationService(
            RegistrationRepository registrations,
            PublishedServers published,
            AuditTrail auditTrail,
            IdempotencyKeys idempotencyKeys,
            Transactions transactions,
            Clock clock,
            SubmissionQuotas quotas,
            ServerOwnership ownership,
            PublishRules publishRules,
            CheckScheduling checkScheduling) {
        this.registrations = registrations;
        this.published = published;
        this.auditTrail = auditTrail;
        this.idempotencyKeys = idempotencyKeys;
        this.transactions = transactions;
        this.clock = clock;
        this.quotas = quotas;
        this.ownership = ownership;
        this.publishRules = publishRules;
        this.checkScheduling = checkScheduling;
    }

    @Override
    public Registration submit(SubmitRegistration command) {
        publishRules.checkSubmission(command.serverName(), command.details().definition());
        Change change = Registration.submit(
                RegistrationId.random(),
                command.serverName(),
                command.version(),
                command.details(),
                command.actor(),
                now(),
                command.requestId());
        UserId submitter = command.actor().userId();
        try {
            return transactions.inTransaction(() -> {
                // Claimed first: a concurrent retry with this key waits for this transaction, then replays it.
                Optional<Registration> replayed = command.idempotencyKey().flatMap(key -> replay(submitter, key));
                if (replayed.isPresent()) {
                    return replayed.get();
                }
                // Before the submitter's quota lock: the server's lock is always taken first.
                ownership.admitSubmission(
                        command.actor(),
                        command.serverName(),
                        change.registration().createdAt());
                quotas.check(
                        submitter, command.serverName(), change.registration().createdAt());
                registrations.insert(change.registration());
                auditTrail.append(change.event());
                checkScheduling.submitted(
                        change.registration(), change.registration().createdAt());
                command.idempotencyKey()
                        .ifPresent(key -> idempotencyKeys.remember(
                                submitter,
                                key.key(),
                                new IdempotencyKeys.Remembered(
                                        key.requestFingerprint(),
                                        change.registration().id()),
                                change.registration().createdAt()));
                return change.registration();
            });
        } catch (AlreadyTaken taken) {
            throw explained(taken, command.actor(), change.registration());
        } catch (NotAnOwner refusal) {
            throw ownership.explained(refusal);
        }
    }

    /**
     * The registration an earlier request with this key created, if the key was used before. A registration deleted
     * since is not answered as if it were still there: the retry is told what became of it.
     */
    private Optional<Registration> replay(UserId submitter, IdempotencyKey key) {
        return idempotencyKeys.claim(submitter, key.key()).map(remembered -> {
            if (!remembered.requestFingerprint().equals(key.requestFingerprint())) {
                throw new IdempotencyKeyReused("the idempotency key was already used for a different submission");
            }
            Registration created = registrations
                    .findById(remembered.registrationId())
                    .orElseThrow(() -> notFound(remembered.registrationId()));
            if (created.isDeleted()) {
                throw new Conflict("the submission with this idempotency key created registration " + created.id()
                        + ", which has been deleted since; it is not submitted again");
            }
            return created;
        });
    }

    /**
     * {@code taken} in the words {@code reader} may read: which registration holds the name and version or the
     * remote URL or package, when the reader may see that registration (an administrator may see any, deleted ones too);
     * otherwise naming nothing but what the reader sent, as the reader wrote it.
     */
    private AlreadyTaken explained(AlreadyTaken taken, Actor reader, Registration attempted) {
        if (taken.rule() == AlreadyTaken.Rule.NAME_AND_VERSION) {
            return registrations
                    .findByNameAndVersion(attempted.serverName(), attempted.version())
                    .filter(h -> mayRead(reader, h))
                    .map(UniquenessConflicts::versionHeldBy)
                    .orElse(taken);
        }
        ServerDefinition definition = attempted.details().definition();
        Set<Locator> locators = definition.locators();
        return registrations
                .findLocatorHolder(locators, attempted.serverName())
                .map(h -> mayRead(reader, h)
                        ? UniquenessConflicts.locatorHeldBy(definition, heldOf(locators, h), h)
                        : UniquenessConflicts.locatorTaken(definition, heldOf(locators, h)))
                .orElse(taken);
    }

    /** Whether {@code reader} may read {@code holder} in an answer: an administrator may read any, deleted ones too. */
    private boolean mayRead(Actor reader, Registration holder) {
        return reader.admin() || Visibility.sees(reader, holder, () -> ownership.of(holder));
    }

    /** The first of {@code locators} that {@code holder} holds. */
    private static Locator heldOf(Set<Locator> locators, Registration holder) {
        Set<Locator> held = holder.details().definition().locators();
        return locators.stream().filter(held::contains).findFirst().orElseThrow();
    }

    @Override
    public Registration edit(EditRegistration command) {
        // An edit that changes nothing comes back as the registration it was: no new row version, no audit event.
        return change(command.actor(), command.id(), command.expectedRowVersion(), (current, owners) -> {
            ServerDetails next = command.patch().applyTo(current);
            publishRules.checkEdit(current.details().definition(), next.definition());
            return current.edit(next, command.actor(), owners, now(), command.requestId());
        });
    }

    @Override
    public Registration changeStatus(ChangeStatus command) {
        return change(command.actor(), command.id(), command.expectedRowVersion(), (current, owners) -> {
            Change change = current.changeStatus(
                    command.target(), command.reason(), command.actor(), owners, now(), command.requestId());
            // After the workflow allowed the move: who may not make it hears that first.
            if (command.verdictNamesVersion()
                    && command.expectedRowVersion().isEmpty()
                    && Workflow.actionReaching(current.status(), command.target())
                            .isVerdict()) {
                throw new VersionRequired("an approval or rejection must name the version of the registration"
                        + " it was decided on: it may have been edited since it was read");
            }
            return Optional.of(change);
        });
    }

    @Override
    public void delete(DeleteRegistration command) {
        change(
                command.actor(),
                command.id(),
                command.expectedRowVersion(),
                (current, owners) -> Optional.of(current.delete(command.actor(), owners, now(), command.requestId())));
    }

    @Override
    public Registration get(Actor actor, RegistrationId id) {
        return visible(actor, id);
    }

    @Override
    public Page<Registration> list(Actor actor, RegistrationFilter filter) {
        return registrations.find(new RegistrationQuery(
                new RegistrationQuery.VisibleTo(actor), filter.status(), filter.search(), filter.page()));
    }

    @Override
    public Page<Registration> listMine(Actor actor, RegistrationFilter filter) {
        return registrations.find(new RegistrationQuery(
                new RegistrationQuery.Mine(actor), filter.status(), filter.search(), filter.page()));
    }

    @Override
    public Map<RegistrationId, List<Action>> actionsOpenTo(Actor actor, List<Registration> shown) {
        Map<ServerName, Owners> owners = ownership.of(shown);
        Map<RegistrationId, List<Action>> open = new LinkedHashMap<>();
        shown.forEach(r -> open.put(r.id(), r.actionsOpenTo(actor, owners.get(r.serverName()))));
        return open;
    }

    @Override
    public List<AuditEntry> history(Actor actor, RegistrationId id) {
        inspected(actor, id);
        return auditTrail.history(id);
    }

    /**
     * Registration {@code id}, if {@code actor} may read its history and its checks: an administrator, or while it
     * is not deleted its submitter and its server's owners. A deleted registration is gone from every other read; its
     * events and checks stay readable for audit (administrators).
     */
    public Registration inspected(Actor actor, RegistrationId id) {
        return registrations
                .findById(id)
                .filter(r -> actor.admin()
                        || (!r.isDeleted()
                                && (actor.is(r.submitterId()) || ownership.of(r).includes(actor))))
                .orElseThrow(() -> notFound(id));
    }

    /**
     * Loads a registration the actor can see, applies one workflow step and stores it with its audit event. A step
     * that changes nothing (empty) stores nothing and returns the registration as it is.
     */
    private Registration change(
            Actor actor,
            RegistrationId id,
            Optional<Long> expectedRowVersion,
            BiFunction<Registration, Owners, Optional<Change>> step) {
        AtomicReference<Registration> attempted = new AtomicReference<>();
        try {
            return transactions.inTransaction(() -> write(actor, id, expectedRowVersion, step, attempted));
        } catch (AlreadyTaken taken) {
            throw explained(taken, actor, attempted.get());
        } catch (NotAnOwner refusal) {
            throw ownership.explained(refusal);
        }
    }

    /** {@link #change} in its transaction; {@code attempted} is the registration it tries to store. */
    private Registration write(
            Actor actor,
            RegistrationId id,
            Optional<Long> expectedRowVersion,
            BiFunction<Registration, Owners, Optional<Change>> step,
            AtomicReference<Registration> attempted) {
        Registration current = registrations.findById(id).orElseThrow(() -> notFound(id));
        Owners owners = ownership.of(current);
        if (!current.isVisibleTo(actor, owners)) {
            throw notFound(id);
        }
        expectedRowVersion.filter(expected -> expected != current.rowVersion()).ifPresent(expected -> {
            throw new StaleVersion("the registration is at version " + current.rowVersion() + ", not " + expected);
        });
        Optional<Change> taken = step.apply(current, owners);
        if (taken.isEmpty()) {
            return current;
        }
        attempted.set(taken.get().registration());
        return store(current, taken.get());
    }

    /**
     * The registry deprecates an Approved version whose tools drifted from what its approval saw, with
     * {@code reason}; a version no longer Approved is left as it is (empty). Joins the caller's transaction.
     */
    public Optional<Registration> deprecateForDrift(RegistrationId id, Reason reason) {
        return transactions.inTransaction(() -> {
            Registration current = registrations.findById(id).orElseThrow(() -> notFound(id));
            if (current.isDeleted() || current.status() != RegistrationStatus.APPROVED) {
                return Optional.empty();
            }
            return Optional.of(store(current, current.deprecatedByRegistry(reason, now())));
        });
    }

    /** Stores {@code change} of {@code current} with its audit event, its checks' schedule and what is published. */
    private Registration store(Registration current, Change change) {
        Registration next = change.registration();
        boolean publication = current.status().isPublished() || next.status().isPublished();
        if (publication) {
            // Before the first write of this server's rows: lock, then write, never the other way round.
            published.lock(next.serverName());
        }
        registrations.update(next, current.rowVersion());
        auditTrail.append(change.event());
        checkScheduling.changed(current, next, next.updatedAt());
        if (publication) {
            republish(next);
        }
        return next;
    }

    /**
     * Brings the read model up to date after {@code changed} was stored: its first publication, and the server's
     * latest version, the {@link LatestVersion} of its published (Approved or Deprecated), non-deleted versions. As in the official registry (its registry service's {@code recalculateLatest}): deprecating a
     * version leaves it the latest, shown as deprecated, so that clients that look servers up by their latest
     * version still find them; only deletion takes a version out of these lookups.
     */
    private void republish(Registration changed) {
        if (changed.status() == RegistrationStatus.APPROVED && !changed.isDeleted()) {
            published.markPublished(changed.id(), changed.reviewedAt().orElse(changed.updatedAt()));
        }
        Optional<RegistrationId> latest = LatestVersion.of(
                        published.versions(changed.serverName(), false),
                        version -> new VersionOrder.Published(
                                version.registration().version(), version.publishedAt()),
                        version -> version.registration().id().value())
                .map(version -> version.registration().id());
        published.markLatest(changed.serverName(), latest, changed.updatedAt());
    }

    private Registration visible(Actor actor, RegistrationId id) {
        return registrations
                .findById(id)
                .filter(r -> Visibility.sees(actor, r, () -> ownership.of(r)))
                .orElseThrow(() -> notFound(id));
    }

    private static NotFound notFound(RegistrationId id) {
        return new NotFound("no registration " + id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
