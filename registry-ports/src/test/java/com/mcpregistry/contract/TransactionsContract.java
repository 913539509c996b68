package com.mcpregistry.contract;

import static com.mcpregistry.contract.Fixtures.T0;
import static com.mcpregistry.contract.Fixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.NotFound;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import com.mcpregistry.transaction.Transactions;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Transactions} guarantees for the repositories of the same adapter: all changes of a unit of
 * work are kept, or none; nested units join the outermost one.
 */
public abstract class TransactionsContract {

    protected abstract Transactions transactions();

    protected abstract RegistrationRepository registrations();

    protected abstract UserRepository users();

    protected abstract AuditTrail auditTrail();

    private User submitter;
    private String namespace;

    @BeforeEach
    void givenASubmitter() {
        submitter = users().save(Fixtures.user());
        namespace = Fixtures.namespace();
    }

    private Registration registration(String local) {
        return pending(
                submitter.id(), namespace + "/" + local, "1.0.0", "https://" + namespace + ".example.com/" + local, T0);
    }

    private AuditEvent eventOf(Registration registration) {
        return Fixtures.event(submitter.id(), AuditAction.SUBMIT, Optional.of(registration.id()), T0);
    }

    @Test
    void the_value_of_the_work_is_returned() {
        assertThat(transactions().inTransaction(() -> 42)).isEqualTo(42);
    }

    @Test
    void every_change_of_work_that_completes_is_kept() {
        User user = Fixtures.user();
        Registration registration = registration("kept");

        transactions().inTransaction(() -> {
            users().save(user);
            registrations().insert(registration);
            auditTrail().append(eventOf(registration));
            return null;
        });

        assertThat(users().findById(user.id())).contains(user);
        assertThat(registrations().findById(registration.id())).contains(registration);
        assertThat(auditTrail().history(registration.id())).hasSize(1);
    }

    @Test
    void no_change_of_work_that_fails_is_kept() {
        User user = Fixtures.user();
        Registration registration = registration("undone");
        IllegalStateException failure = new IllegalStateException("fails after every change");

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
                    users().save(user);
                    registrations().insert(registration);
                    auditTrail().append(eventOf(registration));
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(users().findById(user.id())).isEmpty();
        assertThat(registrations().findById(registration.id())).isEmpty();
        assertThat(auditTrail().history(registration.id())).isEmpty();
        assertThat(auditTrail().verify().intact()).isTrue();
    }

    @Test
    void a_domain_error_of_the_work_reaches_the_caller_unchanged() {
        NotFound notFound = new NotFound("no such thing");

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
                    throw notFound;
                }))
                .isSameAs(notFound);
    }

    @Test
    void the_work_sees_its_own_changes() {
        Registration registration = registration("visible");

        Optional<Registration> seen = transactions().inTransaction(() -> {
            registrations().insert(registration);
            return registrations().findById(registration.id());
        });

        assertThat(seen).contains(registration);
    }

    @Test
    void a_conflict_in_the_work_undoes_its_earlier_changes() {
        Registration first = registration("first");
        Registration duplicate = pending(
                submitter.id(), first.serverName().value(), "1.0.0", "https://" + namespace + ".example.com/x", T0);

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
                    registrations().insert(first);
                    registrations().insert(duplicate);
                    return null;
                }))
                .isInstanceOf(Conflict.class);

        assertThat(registrations().findById(first.id())).isEmpty();
        assertThat(registrations().findById(duplicate.id())).isEmpty();
    }

    @Test
    void nested_work_is_kept_with_the_outer_work() {
        Registration inner = registration("inner");
        Registration outer = registration("outer");

        transactions().inTransaction(() -> {
            transactions().inTransaction(() -> {
                registrations().insert(inner);
                return null;
            });
            registrations().insert(outer);
            return null;
        });

        assertThat(registrations().findById(inner.id())).contains(inner);
        assertThat(registrations().findById(outer.id())).contains(outer);
    }

    @Test
    void nested_work_is_undone_when_the_outer_work_fails_later() {
        Registration inner = registration("inner");
        IllegalStateException failure = new IllegalStateException("outer fails after the inner completed");

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
                    transactions().inTransaction(() -> {
                        registrations().insert(inner);
                        auditTrail().append(eventOf(inner));
                        return null;
                    });
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(registrations().findById(inner.id())).isEmpty();
        assertThat(auditTrail().history(inner.id())).isEmpty();
    }
}
