package com.mcpregistry.domain.testing;

import com.mcpregistry.domain.registration.OwnerContact;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.registration.Tags;
import com.mcpregistry.domain.serverjson.Description;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.Remote;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.serverjson.Repository;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.domain.serverjson.Title;
import java.util.List;
import java.util.Optional;

/** What a submitter says about a server, valid by default; each test changes only what it is about. */
public final class ServerDetailsTestData {

    private ServerDetailsTestData() {}

    /** Ledger tools over streamable HTTP, no repository, documentation or tags. */
    public static Builder someDetails() {
        return new Builder();
    }

    public static Builder from(ServerDetails d) {
        Builder b = new Builder();
        ServerDefinition definition = d.definition();
        Remote remote = definition.onlyRemote().orElseThrow();
        b.title = definition.title().orElseThrow();
        b.description = definition.description();
        b.endpointUrl = new HttpUrl(remote.url().value());
        b.transport = remote.type();
        b.ownerContact = d.ownerContact().orElseThrow();
        b.repositoryUrl = definition.repository().map(Repository::url);
        b.documentationUrl = definition.websiteUrl();
        b.tags = d.tags();
        return b;
    }

    public static final class Builder {
        private Title title = new Title("Ledger tools");
        private Description description = new Description("Reads and books ledger entries");
        private HttpUrl endpointUrl = new HttpUrl("https://ledger.example.com/mcp");
        private RemoteTransport transport = RemoteTransport.STREAMABLE_HTTP;
        private OwnerContact ownerContact = new OwnerContact("owner@example.com");
        private Optional<HttpUrl> repositoryUrl = Optional.empty();
        private Optional<HttpUrl> documentationUrl = Optional.empty();
        private Tags tags = Tags.NONE;

        public Builder withTitle(String value) {
            this.title = new Title(value);
            return this;
        }

        public Builder withDescription(String value) {
            this.description = new Description(value);
            return this;
        }

        public Builder withEndpointUrl(String value) {
            this.endpointUrl = new HttpUrl(value);
            return this;
        }

        public Builder withTransport(RemoteTransport value) {
            this.transport = value;
            return this;
        }

        public Builder withOwnerContact(String value) {
            this.ownerContact = new OwnerContact(value);
            return this;
        }

        public Builder withRepositoryUrl(String value) {
            this.repositoryUrl = Optional.of(new HttpUrl(value));
            return this;
        }

        public Builder withoutRepositoryUrl() {
            this.repositoryUrl = Optional.empty();
            return this;
        }

        public Builder withDocumentationUrl(String value) {
            this.documentationUrl = Optional.of(new HttpUrl(value));
            return this;
        }

        public Builder withoutDocumentationUrl() {
            this.documentationUrl = Optional.empty();
            return this;
        }

        public Builder withTags(String... values) {
            this.tags = values.length == 0 ? Tags.NONE : new Tags(List.of(values));
            return this;
        }

        public ServerDetails build() {
            return ServerDetails.simple(
                    title, description, endpointUrl, transport, ownerContact, repositoryUrl, documentationUrl, tags);
        }
    }
}
