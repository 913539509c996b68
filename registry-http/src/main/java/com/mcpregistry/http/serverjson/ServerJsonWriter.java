package com.mcpregistry.http.serverjson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.domain.serverjson.Argument;
import com.mcpregistry.domain.serverjson.Icon;
import com.mcpregistry.domain.serverjson.Input;
import com.mcpregistry.domain.serverjson.InputFormat;
import com.mcpregistry.domain.serverjson.KeyValueInput;
import com.mcpregistry.domain.serverjson.Package;
import com.mcpregistry.domain.serverjson.PublisherMeta;
import com.mcpregistry.domain.serverjson.Remote;
import com.mcpregistry.domain.serverjson.Repository;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.domain.serverjson.ServerDocument;
import com.mcpregistry.domain.serverjson.Transport;
import com.mcpregistry.domain.serverjson.Variables;
import com.mcpregistry.http.shared.Json;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Writes a {@link ServerDocument} as server.json of the official schema (edition
 * {@value ServerDocument#SCHEMA_EDITION}), with its field names; absent optionals, empty lists and values equal to
 * the schema's defaults ({@code false}, format {@code string}) are left out. For documents the registry builds
 * itself (from the seed API's simple fields): a publisher's document is kept and served as it was sent.
 */
public final class ServerJsonWriter {
    /** The {@code $schema} URL of the edition the registry validates against. */
    public static final String SCHEMA_URL =
            "https://static.modelcontextprotocol.io/schemas/" + ServerDocument.SCHEMA_EDITION + "/server.schema.json";

    private ServerJsonWriter() {}

    public static ObjectNode write(ServerDocument document) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("$schema", SCHEMA_URL);
        ServerDefinition definition = document.definition();
        json.put("name", document.name().value());
        json.put("description", definition.description().value());
        definition.title().ifPresent(title -> json.put("title", title.value()));
        json.put("version", document.version().value());
        definition.websiteUrl().ifPresent(url -> json.put("websiteUrl", url.value()));
        definition.repository().ifPresent(repository -> repository(json.putObject("repository"), repository));
        list(json, "icons", definition.icons(), ServerJsonWriter::icon);
        list(json, "packages", definition.packages(), ServerJsonWriter::pkg);
        list(json, "remotes", definition.remotes(), ServerJsonWriter::remote);
        definition
                .publisherMeta()
                .ifPresent(meta -> json.putObject("_meta").set(ServerJsonReader.PUBLISHER_PROVIDED, parse(meta)));
        return json;
    }

    private static JsonNode parse(PublisherMeta meta) {
        try {
            return Json.MAPPER.readTree(meta.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("publisher metadata is kept as the JSON text it was read from", e);
        }
    }

    private static void repository(ObjectNode json, Repository repository) {
        json.put("url", repository.url().value());
        json.put("source", repository.source());
        text(json, "subfolder", repository.subfolder());
        text(json, "id", repository.id());
    }

    private static void icon(ObjectNode json, Icon icon) {
        json.put("src", icon.src().value());
        icon.mimeType().ifPresent(type -> json.put("mimeType", type.wireName()));
        if (!icon.sizes().isEmpty()) {
            ArrayNode sizes = json.putArray("sizes");
            icon.sizes().forEach(sizes::add);
        }
        icon.theme().ifPresent(theme -> json.put("theme", theme.wireName()));
    }

    private static void pkg(ObjectNode json, Package pkg) {
        json.put("registryType", pkg.registryType().wireName());
        pkg.registryBaseUrl().ifPresent(url -> json.put("registryBaseUrl", url.value()));
        json.put("identifier", pkg.identifier());
        pkg.version().ifPresent(version -> json.put("version", version.value()));
        text(json, "fileSha256", pkg.fileSha256());
        text(json, "runtimeHint", pkg.runtimeHint());
        transport(json.putObject("transport"), pkg.transport());
        list(json, "runtimeArguments", pkg.runtimeArguments(), ServerJsonWriter::argument);
        list(json, "packageArguments", pkg.packageArguments(), ServerJsonWriter::argument);
        list(json, "environmentVariables", pkg.environmentVariables(), ServerJsonWriter::keyValueInput);
    }

    private static void transport(ObjectNode json, Transport transport) {
        json.put("type", transport.type());
        transport.url().ifPresent(url -> json.put("url", url.value()));
        List<KeyValueInput> headers = transport instanceof Transport.StreamableHttp http
                ? http.headers()
                : transport instanceof Transport.Sse sse ? sse.headers() : List.of();
        list(json, "headers", headers, ServerJsonWriter::keyValueInput);
    }

    private static void remote(ObjectNode json, Remote remote) {
        json.put("type", remote.type().wireName());
        json.put("url", remote.url().value());
        list(json, "headers", remote.headers(), ServerJsonWriter::keyValueInput);
        variables(json, remote.variables());
    }

    private static void argument(ObjectNode json, Argument argument) {
        if (argument instanceof Argument.Positional positional) {
            json.put("type", "positional");
            text(json, "valueHint", positional.valueHint());
        } else if (argument instanceof Argument.Named named) {
            json.put("type", "named");
            json.put("name", named.name());
        }
        input(json, argument.input());
        flag(json, "isRepeated", argument.isRepeated());
        variables(json, argument.variables());
    }

    private static void keyValueInput(ObjectNode json, KeyValueInput keyValue) {
        json.put("name", keyValue.name());
        input(json, keyValue.input());
        variables(json, keyValue.variables());
    }

    private static void variables(ObjectNode json, Variables variables) {
        if (!variables.values().isEmpty()) {
            ObjectNode object = json.putObject("variables");
            variables.values().forEach((name, input) -> input(object.putObject(name), input));
        }
    }

    private static void input(ObjectNode json, Input input) {
        text(json, "description", input.description());
        flag(json, "isRequired", input.isRequired());
        if (input.format() != InputFormat.STRING) {
            json.put("format", input.format().wireName());
        }
        text(json, "value", input.value());
        flag(json, "isSecret", input.isSecret());
        text(json, "default", input.defaultValue());
        text(json, "placeholder", input.placeholder());
        if (!input.choices().isEmpty()) {
            ArrayNode choices = json.putArray("choices");
            input.choices().forEach(choices::add);
        }
    }

    private static void text(ObjectNode json, String field, Optional<String> value) {
        value.ifPresent(text -> json.put(field, text));
    }

    private static void flag(ObjectNode json, String field, boolean value) {
        if (value) {
            json.put(field, true);
        }
    }

    private static <T> void list(ObjectNode json, String field, List<T> values, BiConsumer<ObjectNode, T> write) {
        if (!values.isEmpty()) {
            ArrayNode array = json.putArray(field);
            values.forEach(value -> write.accept(array.addObject(), value));
        }
    }
}
