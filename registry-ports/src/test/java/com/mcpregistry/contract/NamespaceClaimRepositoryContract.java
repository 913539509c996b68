package com.mcpregistry.contract;

import static com.mcpregistry.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.ownership.NamespaceClaim;
import com.mcpregistry.domain.ownership.NamespacePrefix;
import com.mcpregistry.domain.ownership.Owner;
import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.ownership.port.out.NamespaceClaimRepository;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link NamespaceClaimRepository} guarantees. Subclasses give the repository and the user repository
 * that holds the users who claim and own namespaces; both may hold rows of other tests, so each test claims under a
 * namespace of its own.
 */
public abstract class NamespaceClaimRepositoryContract {

    protected abstract NamespaceClaimRepository claims();

    /** Where user owners and administrators are kept: a claim refers to stored users. */
    protected abstract UserRepository users();

    private UserId admin;
    private Owner ann;
    private Owner bob;
    private Owner team;
    private String namespace;

    @BeforeEach
    void givenUsersAGroupAndANamespaceOfThisTest() {
        admin = users().save(Fixtures.user()).id();
        ann = Owner.user(users().save(Fixtures.user()).id());
        bob = Owner.user(users().save(Fixtures.user()).id());
        team = Owner.group(Fixtures.group());
        namespace = Fixtures.namespace();
    }

    private NamespacePrefix prefix(String suffix) {
        return new NamespacePrefix(namespace + suffix);
    }

    private NamespaceClaim claimed(String suffix, Owners owners) {
        NamespaceClaim claim = new NamespaceClaim(prefix(suffix), owners, Optional.of(admin), T0);
        claims().insert(claim);
        return claim;
    }

    private Optional<NamespacePrefix> governingPrefix(String serverName) {
        return claims().governing(new ServerName(serverName)).map(NamespaceClaim::prefix);
    }

    @Test
    void a_claim_is_found_with_its_owners_who_claimed_it_and_when() {
        NamespaceClaim claim = claimed(".finance", Owners.of(ann, team));

        assertThat(claims().find(prefix(".finance"))).contains(claim);
        assertThat(claims().all()).contains(claim);
        assertThat(claims().find(prefix(".other"))).isEmpty();
    }

    @Test
    void a_claim_made_from_the_command_line_has_no_claimant() {
        NamespaceClaim claim = new NamespaceClaim(prefix(".ops"), Owners.of(team), Optional.empty(), T0);

        claims().insert(claim);

        assertThat(claims().find(prefix(".ops"))).contains(claim);
    }

    @Test
    void the_longest_claimed_prefix_covering_a_name_governs_it() {
        claimed("", Owners.of(bob));
        claimed(".finance", Owners.of(ann));
        claimed(".finance.emea", Owners.of(team));

        assertThat(governingPrefix(namespace + ".finance.emea/ledger")).contains(prefix(".finance.emea"));
        assertThat(governingPrefix(namespace + ".finance.emea.north/ledger")).contains(prefix(".finance.emea"));
        assertThat(governingPrefix(namespace + ".finance/ledger")).contains(prefix(".finance"));
        assertThat(governingPrefix(namespace + ".finance.apac/ledger")).contains(prefix(".finance"));
        assertThat(governingPrefix(namespace + ".hr/people")).contains(prefix(""));
        assertThat(governingPrefix(namespace + "/tools")).contains(prefix(""));
        assertThat(claims().governing(new ServerName(namespace + ".finance.emea/ledger")))
                .map(NamespaceClaim::owners)
                .contains(Owners.of(team));
    }

    @Test
    void a_claim_never_covers_a_name_that_merely_starts_with_its_prefix() {
        claimed(".contoso.finance", Owners.of(ann));

        assertThat(governingPrefix(namespace + ".contoso.financebank/ledger")).isEmpty();
        assertThat(governingPrefix(namespace + ".contoso.finance-emea/ledger")).isEmpty();
        assertThat(governingPrefix(namespace + ".contoso/ledger")).isEmpty();
        assertThat(governingPrefix(namespace + ".contoso.finance/ledger")).contains(prefix(".contoso.finance"));
        assertThat(governingPrefix("org.example/" + namespace.replace('.', '-')))
                .isEmpty();
    }

    @Test
    void claiming_a_claimed_prefix_again_is_a_conflict_and_keeps_the_first_claim() {
        NamespaceClaim first = claimed(".finance", Owners.of(ann));

        assertThatThrownBy(() -> claimed(".finance", Owners.of(bob)))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining(namespace + ".finance");
        assertThat(claims().find(prefix(".finance"))).contains(first);
    }

    @Test
    void a_released_claim_is_gone_with_its_owners_and_the_prefix_may_be_claimed_again() {
        claimed(".finance", Owners.of(ann, team));

        assertThat(claims().delete(prefix(".finance"))).isTrue();
        assertThat(claims().find(prefix(".finance"))).isEmpty();
        assertThat(governingPrefix(namespace + ".finance/ledger")).isEmpty();
        assertThat(claims().delete(prefix(".finance"))).isFalse();

        NamespaceClaim again = claimed(".finance", Owners.of(bob));
        assertThat(claims().find(prefix(".finance"))).contains(again);
    }

    @Test
    void every_claim_is_listed_by_prefix() {
        NamespaceClaim b = claimed(".b", Owners.of(ann));
        NamespaceClaim top = claimed("", Owners.of(bob));
        NamespaceClaim a = claimed(".a", Owners.of(team));
        NamespaceClaim aDeeper = claimed(".a.z", Owners.of(team, bob));

        assertThat(claims().all())
                .filteredOn(claim -> claim.prefix().value().startsWith(namespace))
                .containsExactly(top, a, aDeeper, b);
    }
}
