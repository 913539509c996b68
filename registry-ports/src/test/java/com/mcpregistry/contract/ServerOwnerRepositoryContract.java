package com.mcpregistry.contract;

import static com.mcpregistry.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.ownership.NamespacePrefix;
import com.mcpregistry.domain.ownership.Owner;
import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.user.GroupId;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.ownership.ServerOwners;
import com.mcpregistry.ownership.port.out.ServerOwnerRepository;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ServerOwnerRepository} guarantees. Subclasses give the repository and the user repository that
 * holds the users who own servers; both may hold rows of other tests, so each test works in a namespace of its own.
 */
public abstract class ServerOwnerRepositoryContract {

    protected abstract ServerOwnerRepository owners();

    /** Where user owners are kept: an owner refers to a stored user. */
    protected abstract UserRepository users();

    private Owner ann;
    private Owner bob;
    private Owner team;
    private String namespace;

    @BeforeEach
    void givenTwoUsersAGroupAndANamespaceOfThisTest() {
        ann = Owner.user(users().save(Fixtures.user()).id());
        bob = Owner.user(users().save(Fixtures.user()).id());
        team = Owner.group(Fixtures.group());
        namespace = Fixtures.namespace();
    }

    private ServerName name(String namespaceSuffix, String local) {
        return new ServerName(namespace + namespaceSuffix + "/" + local);
    }

    private ServerName name(String local) {
        return name("", local);
    }

    @Test
    void a_server_nobody_owns_has_no_owners() {
        assertThat(owners().find(name("nobody"))).isEmpty();
    }

    @Test
    void saved_owners_are_found_users_and_groups_alike() {
        Owners saved = Owners.of(ann, team);

        owners().save(name("tools"), saved, T0);

        assertThat(owners().find(name("tools"))).contains(saved);
        assertThat(owners().find(name("other"))).isEmpty();
    }

    @Test
    void saving_replaces_the_owners_of_a_server() {
        owners().save(name("tools"), Owners.of(ann, bob), T0);

        owners().save(name("tools"), Owners.of(bob, team), T0.plusSeconds(1));
        assertThat(owners().find(name("tools"))).contains(Owners.of(bob, team));

        owners().save(name("tools"), Owners.of(ann), T0.plusSeconds(2));
        assertThat(owners().find(name("tools"))).contains(Owners.of(ann));

        owners().save(name("tools"), Owners.of(ann), T0.plusSeconds(3));
        assertThat(owners().find(name("tools"))).contains(Owners.of(ann));
    }

    @Test
    void the_owners_of_several_servers_come_in_one_look_up_and_unknown_names_are_left_out() {
        owners().save(name("one"), Owners.of(ann), T0);
        owners().save(name("two"), Owners.of(bob, team), T0);

        assertThat(owners().find(List.of(name("one"), name("two"), name("unknown"), name("one"))))
                .isEqualTo(Map.of(name("one"), Owners.of(ann), name("two"), Owners.of(bob, team)));
        assertThat(owners().find(Set.of(name("unknown")))).isEmpty();
        assertThat(owners().find(List.of())).isEmpty();
    }

    @Test
    void a_group_is_the_same_owner_however_its_object_id_was_written() {
        GroupId lower = Fixtures.group();
        Owner upper = Owner.parse("owner", "group:" + lower.value().toUpperCase(java.util.Locale.ROOT));

        owners().save(name("tools"), Owners.of(upper), T0);

        assertThat(owners().find(name("tools"))).contains(Owners.of(Owner.group(lower)));
    }

    @Test
    void servers_under_a_prefix_with_an_owner_outside_the_given_owners_are_listed_by_name_and_counted() {
        NamespacePrefix finance = new NamespacePrefix(namespace + ".finance");
        Owners claimants = Owners.of(ann, team);
        owners().save(name(".finance", "inside"), Owners.of(ann), T0);
        owners().save(name(".finance", "by-the-team"), Owners.of(team, ann), T0);
        owners().save(name(".finance", "shared"), Owners.of(ann, bob), T0);
        owners().save(name(".finance.emea", "bobs"), Owners.of(bob), T0);
        owners().save(name(".finance.emea.north", "bobs-too"), Owners.of(bob, team), T0);
        // Not under the prefix: a longer label that merely starts with it, a parent namespace, a sibling.
        owners().save(name(".financebank", "bobs"), Owners.of(bob), T0);
        owners().save(name("", "bobs"), Owners.of(bob), T0);
        owners().save(name(".finance-emea", "bobs"), Owners.of(bob), T0);

        // By name, character by character: '.' comes before '/'.
        assertThat(owners().ownedOutside(finance, claimants, 100))
                .containsExactly(
                        new ServerOwners(name(".finance.emea.north", "bobs-too"), Owners.of(bob, team)),
                        new ServerOwners(name(".finance.emea", "bobs"), Owners.of(bob)),
                        new ServerOwners(name(".finance", "shared"), Owners.of(ann, bob)));
        assertThat(owners().countOwnedOutside(finance, claimants)).isEqualTo(3);
        assertThat(owners().ownedOutside(finance, claimants, 2))
                .extracting(ServerOwners::server)
                .containsExactly(name(".finance.emea.north", "bobs-too"), name(".finance.emea", "bobs"));
        assertThat(owners().countOwnedOutside(finance, Owners.of(ann, bob, team)))
                .isZero();
        assertThat(owners().ownedOutside(new NamespacePrefix(namespace + ".finance.emea"), claimants, 100))
                .extracting(ServerOwners::server)
                .containsExactly(name(".finance.emea.north", "bobs-too"), name(".finance.emea", "bobs"));
        assertThat(owners().countOwnedOutside(new NamespacePrefix(namespace + ".nothing-here"), claimants))
                .isZero();
    }
}
