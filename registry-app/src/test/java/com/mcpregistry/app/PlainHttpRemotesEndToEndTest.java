package com.mcpregistry.app;

import static com.mcpregistry.app.RunningRegistry.json;
import static com.mcpregistry.app.ServerJsonDocuments.publishedPath;
import static com.mcpregistry.app.ServerJsonDocuments.rejectedFields;
import static com.mcpregistry.app.ServerJsonDocuments.remoteServer;
import static com.mcpregistry.app.ServerJsonDocuments.submission;
import static com.mcpregistry.app.Submissions.approve;
import static com.mcpregistry.app.Submissions.submit;
import static com.mcpregistry.app.Submissions.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ALLOW_HTTP_REMOTES: {@code serve} accepts remotes over https only and never on the registry's own machine, as the
 * official registry does; with {@code ALLOW_HTTP_REMOTES=true} (a test registry, say) plain HTTP and localhost are
 * accepted too.
 */
class PlainHttpRemotesEndToEndTest {
    @RegisterExtension
    static final RunningRegistry serving = RunningRegistry.standard();

    @RegisterExtension
    static final RunningRegistry allowingHttp = RunningRegistry.standard()
            .withPublishRules(ServeSettings.publishRules(new Environment(Map.of("ALLOW_HTTP_REMOTES", "true")), false));

    private static String httpUrl(String name) {
        return "http://mcp.contoso.example/" + name.replace('/', '-');
    }

    @Test
    void an_http_remote_is_400_in_serve() {
        String name = uniqueName("plain-http");
        ObjectNode document = remoteServer("plain-http", httpUrl(name));

        HttpResponse<String> refused =
                serving.post("/registrations", serving.userToken("Hana Http"), submission(document));
        HttpResponse<String> seedRefused = serving.post(
                "/registrations", serving.userToken("Hana Http"), Submissions.of(name, "1.0.0", httpUrl(name)));

        assertThat(rejectedFields(refused)).containsExactly("/server/remotes/0/url");
        assertThat(refused.body()).contains("https");
        assertThat(rejectedFields(seedRefused)).containsExactly("endpoint_url");
    }

    @Test
    void a_remote_on_localhost_is_400_in_serve() {
        HttpResponse<String> refused = serving.post(
                "/registrations",
                serving.userToken("Hana Http"),
                submission(remoteServer("on-localhost", "https://localhost:8443/mcp")));

        assertThat(rejectedFields(refused)).containsExactly("/server/remotes/0/url");
    }

    @Test
    void with_allow_http_remotes_an_http_remote_is_accepted_and_published() {
        ObjectNode document = remoteServer("allowed-http", httpUrl(uniqueName("allowed-http")));

        approve(allowingHttp, submit(allowingHttp, allowingHttp.userToken("Hana Http"), submission(document)));

        assertThat(json(allowingHttp.get(publishedPath(document), null)).path("server"))
                .isEqualTo(document);
        assertThat(allowingHttp
                        .post(
                                "/registrations",
                                allowingHttp.userToken("Hana Http"),
                                submission(remoteServer("local", "http://localhost:3001/mcp")))
                        .statusCode())
                .isEqualTo(201);
    }
}
