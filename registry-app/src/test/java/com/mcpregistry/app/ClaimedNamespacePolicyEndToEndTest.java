package com.mcpregistry.app;

import static com.mcpregistry.app.OwnershipEndToEndTest.groupId;
import static com.mcpregistry.app.OwnershipEndToEndTest.memberToken;
import static com.mcpregistry.app.OwnershipEndToEndTest.submitVersion;
import static com.mcpregistry.app.RunningRegistry.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.ownership.NamespacePolicy;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code NAMESPACE_POLICY=claimed}: a new name must fall under a claim its submitter owns. */
class ClaimedNamespacePolicyEndToEndTest {
    @RegisterExtension
    static final RunningRegistry claimed = RunningRegistry.standard().withNamespacePolicy(NamespacePolicy.CLAIMED);

    @Test
    void a_new_name_needs_a_claim_its_submitter_owns() {
        String group = groupId();
        HttpResponse<String> unclaimed =
                submitVersion(claimed, claimed.userToken("Bob Outsider"), "io.github.bob/tools", "1.0.0");
        assertThat(unclaimed.statusCode()).isEqualTo(403);
        assertThat(json(unclaimed).path("detail").asText()).contains("NAMESPACE_POLICY is claimed");
        assertThat(submitVersion(claimed, claimed.adminToken(), "io.github.bob/tools", "1.0.0")
                        .statusCode())
                .as("an administrator may start any name")
                .isEqualTo(201);

        assertThat(claimed.post(
                                "/namespaces",
                                claimed.adminToken(),
                                Map.of("prefix", "com.contoso.finance", "owners", List.of("group:" + group)))
                        .statusCode())
                .isEqualTo(201);
        assertThat(submitVersion(claimed, claimed.userToken("Bob Outsider"), "com.contoso.finance/ledger", "1.0.0")
                        .statusCode())
                .isEqualTo(403);
        assertThat(submitVersion(
                                claimed,
                                memberToken(claimed, "Gus Member", group),
                                "com.contoso.finance/ledger",
                                "1.0.0")
                        .statusCode())
                .isEqualTo(201);
        assertThat(json(claimed.get("/namespaces", claimed.userToken("Bob Outsider")))
                        .path("policy")
                        .asText())
                .isEqualTo("claimed");
    }
}
