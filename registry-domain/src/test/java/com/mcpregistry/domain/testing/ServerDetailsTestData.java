package com.mcpregistry.domain.testing;

import com.mcpregistry.domain.registration.Description;
import com.mcpregistry.domain.registration.Email;
import com.mcpregistry.domain.registration.HttpUrl;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.registration.Tags;
import com.mcpregistry.domain.registration.Title;
import com.mcpregistry.domain.registration.Transport;
import java.util.List;
import java.util.Optional;

/** What a submitter says about a server, valid by default; each test changes only what it is about. */
public final class ServerDetailsTestData {

    private ServerDetailsTestData() {}

    /** Ledger tools over streamable HTTP, no repository, documentation or tags. */
    public static Builder someDetails() {
        return new Builder(
                new Title("Ledger tools"),
                new Description("Reads and books ledger entries"),
                new HttpUrl("https://ledger.example.com/mcp"),
                Transport.STREAMABLE_HTTP,
                new Email("owner@example.com"),
                Optional.empty(),
                Optional.empty(),
                Tags.NONE);
    }

    public static Builder from(ServerDetails d) {
        return new Builder(
                d.title(),
                d.description(),
                d.endpointUrl(),
                d.transport(),
                d.ownerContact(),
                d.repositoryUrl(),
                d.documentationUrl(),
                d.tags());
    }

    public static final class Builder {
        private Title title;
        private Description description;
        private HttpUrl endpointUrl;
        private Transport transport;
        private Email ownerContact;
        private Optional<HttpUrl> repositoryUrl;
        private Optional<HttpUrl> documentationUrl;
        private Tags tags;

        private Builder(
                Title title,
                Description description,
                HttpUrl endpointUrl,
                Transport transport,
                Email ownerContact,
                Optional<HttpUrl> repositoryUrl,
                Optional<HttpUrl> documentationUrl,
                Tags tags) {
            this.title = title;
            this.description = description;
            this.endpointUrl = endpointUrl;
            this.transport = transport;
            this.ownerContact = ownerContact;
            this.repositoryUrl = repositoryUrl;
            this.documentationUrl = documentationUrl;
            this.tags = tags;
        }

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

        public Builder withTransport(Transport value) {
            this.transport = value;
            return this;
        }

        public Builder withOwnerContact(String value) {
            this.ownerContact = new Email(value);
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
            return new ServerDetails(
                    title, description, endpointUrl, transport, ownerContact, repositoryUrl, documentationUrl, tags);
        }
    }
}
