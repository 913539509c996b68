package com.mcpregistry.http.serverjson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.serverjson.Argument;
import com.mcpregistry.domain.serverjson.Description;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.Icon;
import com.mcpregistry.domain.serverjson.Input;
import com.mcpregistry.domain.serverjson.InputFormat;
import com.mcpregistry.domain.serverjson.JsonPointer;
import com.mcpregistry.domain.serverjson.KeyValueInput;
import com.mcpregistry.domain.serverjson.Package;
import com.mcpregistry.domain.serverjson.PublisherMeta;
import com.mcpregistry.domain.serverjson.RegistryType;
import com.mcpregistry.domain.serverjson.Remote;
import com.mcpregistry.domain.serverjson.Repository;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.domain.serverjson.ServerDocument;
import com.mcpregistry.domain.serverjson.Title;
import com.mcpregistry.domain.serverjson.Transport;
import com.mcpregistry.domain.serverjson.UrlTemplate;
import com.mcpregistry.domain.serverjson.Variables;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.http.shared.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a server.json document (official schema, edition {@value ServerDocument#SCHEMA_EDITION}) into a
 * {@link ServerDocument}. Every problem — a wrong JSON type, a missing field, an unknown registry type or format, a
 * rule of the domain — is reported at once, in one {@link InvalidInput} naming each field by its JSON pointer
 * ({@code /packages/0/identifier}).
 *
 * <p>Fields the schema does not name are allowed, as the schema allows them (it sets no
 * {@code additionalProperties: false}), and are not part of the domain document. Under {@code _meta} only the
 * publisher's own key is accepted: the others are the registry's to set (the official registry drops them from a
 * publish), and a publisher is told so.
 */
public final class ServerJsonReader {
    /** The one {@code _meta} key a publisher may send. */
    public static final String PUBLISHER_PROVIDED = "io.modelcontextprotocol.registry/publisher-provided";

    private ServerJsonReader() {}

    /** The document in {@code json}; {@link InvalidInput} listing every problem by JSON pointer if it is not valid. */
    public static ServerDocument read(JsonNode json) {
        DocumentObject server = DocumentObject.at("", json);
        // Any edition's URL is read (the official generic examples name 2025-10-17); the writer names its own.
        server.text("$schema");
        Optional<ServerName> name = server.required("name", ServerName::new);
        Optional<Description> description = server.required("description", Description::new);
        Optional<Title> title = server.value("title", Title::new);
        Optional<Version> version = server.required("version", Version::new);
        Optional<HttpUrl> websiteUrl = server.value("websiteUrl", HttpUrl::new);
        Optional<Repository> repository = server.object("repository", ServerJsonReader::repository);
        List<Icon> icons = server.list("icons", ServerJsonReader::icon);
        List<Package> packages = server.list("packages", ServerJsonReader::pkg);
        List<Remote> remotes = server.list("remotes", ServerJsonReader::remote);
        Optional<PublisherMeta> publisherMeta = publisherMeta(server);
        return server.build(() -> new ServerDocument(
                name.orElseThrow(),
                version.orElseThrow(),
                new ServerDefinition(
                        description.orElseThrow(),
                        title,
                        websiteUrl,
                        repository,
                        icons,
                        packages,
                        remotes,
                        publisherMeta)));
    }

    private static Optional<PublisherMeta> publisherMeta(DocumentObject server) {
        Optional<PublisherMeta> publisherMeta = Optional.empty();
        for (Map.Entry<String, JsonNode> member : server.members("_meta")) {
            String pointer = JsonPointer.append(server.pointerOf("_meta"), member.getKey());
            if (!member.getKey().equals(PUBLISHER_PROVIDED)) {
                server.reject(
                        pointer,
                        "is set by the registry and cannot be sent by a publisher; publisher metadata goes under "
                                + PUBLISHER_PROVIDED);
            } else if (!member.getValue().isObject()) {
                server.reject(pointer, "must be a JSON object");
            } else {
                String text = compact(member.getValue());
                publisherMeta = Optional.ofNullable(server.check(() -> new PublisherMeta(text)));
            }
        }
        return publisherMeta;
    }

    private static String compact(JsonNode json) {
        try {
            return Json.MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree read from a request can always be written", e);
        }
    }

    private static Repository repository(DocumentObject repository) {
        Optional<HttpUrl> url = repository.required("url", HttpUrl::new);
        Optional<String> source = repository.requiredText("source");
        Optional<String> subfolder = repository.text("subfolder");
        Optional<String> id = repository.text("id");
        return repository.build(() -> new Repository(url.orElseThrow(), source.orElseThrow(), subfolder, id));
    }

    private static Icon icon(DocumentObject icon) {
        Optional<HttpUrl> src = icon.required("src", HttpUrl::new);
        Optional<Icon.MimeType> mimeType = icon.named("mimeType", Icon.MimeType::parse);
        List<String> sizes = icon.textList("sizes");
        Optional<Icon.Theme> theme = icon.named("theme", Icon.Theme::parse);
        return icon.build(() -> new Icon(src.orElseThrow(), mimeType, sizes, theme));
    }

    private static Package pkg(DocumentObject pkg) {
        Optional<RegistryType> registryType = pkg.requiredNamed("registryType", RegistryType::parse);
        Optional<HttpUrl> registryBaseUrl = pkg.value("registryBaseUrl", HttpUrl::new);
        Optional<String> identifier = pkg.requiredText("identifier");
        Optional<Version> version = pkg.value("version", Version::new);
        Optional<String> fileSha256 = pkg.text("fileSha256");
        Optional<String> runtimeHint = pkg.text("runtimeHint");
        Optional<Transport> transport = pkg.requiredObject("transport", ServerJsonReader::packageTransport);
        List<Argument> runtimeArguments = pkg.list("runtimeArguments", ServerJsonReader::argument);
        List<Argument> packageArguments = pkg.list("packageArguments", ServerJsonReader::argument);
        List<KeyValueInput> environmentVariables = pkg.list("environmentVariables", ServerJsonReader::keyValueInput);
        return pkg.build(() -> new Package(
                registryType.orElseThrow(),
                registryBaseUrl,
                identifier.orElseThrow(),
                version,
                fileSha256,
                runtimeHint,
                transport.orElseThrow(),
                runtimeArguments,
                packageArguments,
                environmentVariables));
    }

    private static Transport packageTransport(DocumentObject transport) {
        Optional<String> type = transport.requiredText("type");
        if (type.isEmpty()) {
            return transport.refused();
        }
        switch (type.get()) {
            case "stdio" -> {
                if (transport.has("url")) {
                    transport.reject(transport.pointerOf("url"), "must not be given for the stdio transport");
                }
                return transport.build(Transport.Stdio::new);
            }
            case "streamable-http", "sse" -> {
                Optional<UrlTemplate> url = transport.required("url", UrlTemplate::new);
                List<KeyValueInput> headers = transport.list("headers", ServerJsonReader::keyValueInput);
                return transport.build(() -> type.get().equals("sse")
                        ? new Transport.Sse(url.orElseThrow(), headers)
                        : new Transport.StreamableHttp(url.orElseThrow(), headers));
            }
            default -> {
                transport.reject(transport.pointerOf("type"), "must be one of stdio, streamable-http, sse");
                return transport.refused();
            }
        }
    }

    private static Remote remote(DocumentObject remote) {
        Optional<com.mcpregistry.domain.serverjson.RemoteTransport> type =
                remote.requiredNamed("type", com.mcpregistry.domain.serverjson.RemoteTransport::parse);
        Optional<UrlTemplate> url = remote.required("url", UrlTemplate::new);
        List<KeyValueInput> headers = remote.list("headers", ServerJsonReader::keyValueInput);
        Variables variables = variables(remote);
        return remote.build(() -> new Remote(type.orElseThrow(), url.orElseThrow(), headers, variables));
    }

    private static Argument argument(DocumentObject argument) {
        Optional<String> type = argument.requiredText("type");
        Input input = input(argument);
        Variables variables = variables(argument);
        boolean isRepeated = argument.flag("isRepeated");
        if (type.isEmpty()) {
            return argument.refused();
        }
        switch (type.get()) {
            case "positional" -> {
                Optional<String> valueHint = argument.text("valueHint");
                return argument.build(() -> new Argument.Positional(input, variables, valueHint, isRepeated));
            }
            case "named" -> {
                Optional<String> name = argument.requiredText("name");
                return argument.build(() -> new Argument.Named(name.orElseThrow(), input, variables, isRepeated));
            }
            default -> {
                argument.reject(argument.pointerOf("type"), "must be one of positional, named");
                return argument.refused();
            }
        }
    }

    private static KeyValueInput keyValueInput(DocumentObject keyValue) {
        Optional<String> name = keyValue.requiredText("name");
        Input input = input(keyValue);
        Variables variables = variables(keyValue);
        return keyValue.build(() -> new KeyValueInput(name.orElseThrow(), input, variables));
    }

    /** The {@code variables} object of an input or a remote: each a name and an input. */
    private static Variables variables(DocumentObject owner) {
        Map<String, Input> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : owner.members("variables")) {
            String pointer = JsonPointer.append(owner.pointerOf("variables"), member.getKey());
            Input input = owner.check(() -> {
                DocumentObject variable = DocumentObject.at(pointer, member.getValue());
                Input read = input(variable);
                return variable.build(() -> read);
            });
            if (input != null) {
                values.put(member.getKey(), input);
            }
        }
        return Optional.ofNullable(owner.check(owner.pointerOf("variables"), () -> new Variables(values)))
                .orElse(Variables.NONE);
    }

    /**
     * The fields every input shares. The input itself is built from them here; its refusals ({@code /default}) are
     * recorded on {@code owner} and {@link Input#NONE} stands in, so that the owner's other problems are still read.
     */
    private static Input input(DocumentObject owner) {
        Optional<String> description = owner.text("description");
        boolean isRequired = owner.flag("isRequired");
        InputFormat format = owner.named("format", InputFormat::parse).orElse(InputFormat.STRING);
        Optional<String> value = owner.text("value");
        boolean isSecret = owner.flag("isSecret");
        Optional<String> defaultValue = owner.text("default");
        Optional<String> placeholder = owner.text("placeholder");
        List<String> choices = owner.textList("choices");
        Input input = owner.check(
                owner.pointer(),
                () -> new Input(description, isRequired, format, value, isSecret, defaultValue, placeholder, choices));
        return input == null ? Input.NONE : input;
    }
}
