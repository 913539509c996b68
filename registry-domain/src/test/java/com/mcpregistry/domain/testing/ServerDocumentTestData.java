package com.mcpregistry.domain.testing;

import com.mcpregistry.domain.serverjson.Argument;
import com.mcpregistry.domain.serverjson.Description;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.Icon;
import com.mcpregistry.domain.serverjson.Input;
import com.mcpregistry.domain.serverjson.InputFormat;
import com.mcpregistry.domain.serverjson.KeyValueInput;
import com.mcpregistry.domain.serverjson.Package;
import com.mcpregistry.domain.serverjson.RegistryType;
import com.mcpregistry.domain.serverjson.Remote;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.serverjson.Repository;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.domain.serverjson.ServerDocument;
import com.mcpregistry.domain.serverjson.Title;
import com.mcpregistry.domain.serverjson.UrlTemplate;
import com.mcpregistry.domain.serverjson.Variables;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.ServerName;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * server.json documents modelled on the official examples (docs/reference/server-json/examples/valid and
 * generic-server-json.md of modelcontextprotocol/registry): one per package type and a remote with headers and URL
 * variables.
 */
public final class ServerDocumentTestData {
    private ServerDocumentTestData() {}

    /** examples/valid/with-package.json: an npm package over stdio with a positional, a flag and a secret. */
    public static Package npmPackage() {
        return new Package(
                RegistryType.NPM,
                Optional.empty(),
                "@modelcontextprotocol/server-weather",
                Optional.of(new Version("1.0.0")),
                Optional.empty(),
                Optional.of("npx"),
                new com.mcpregistry.domain.serverjson.Transport.Stdio(),
                List.of(),
                List.of(
                        new Argument.Positional(Input.NONE, Variables.NONE, Optional.of("config_path"), false),
                        new Argument.Named("--port", input().value("8080").build(), Variables.NONE, false)),
                List.of(new KeyValueInput("API_KEY", input().required().secret().build(), Variables.NONE)));
    }

    public static Package pypiPackage() {
        return new Package(
                RegistryType.PYPI,
                Optional.of(new HttpUrl("https://pypi.org")),
                "weather-mcp-server",
                Optional.of(new Version("0.5.0")),
                Optional.empty(),
                Optional.of("uvx"),
                new com.mcpregistry.domain.serverjson.Transport.Stdio(),
                List.of(),
                List.of(),
                List.of(new KeyValueInput(
                        "WEATHER_UNITS",
                        input().description("Units")
                                .choices("metric", "imperial")
                                .defaultValue("metric")
                                .build(),
                        Variables.NONE)));
    }

    public static Package nugetPackage() {
        return new Package(
                RegistryType.NUGET,
                Optional.of(new HttpUrl("https://api.nuget.org/v3/index.json")),
                "Knapcode.SampleMcpServer",
                Optional.of(new Version("0.5.0-beta")),
                Optional.empty(),
                Optional.of("dnx"),
                new com.mcpregistry.domain.serverjson.Transport.Stdio(),
                List.of(),
                List.of(new Argument.Positional(input().value("mcp").build(), Variables.NONE, Optional.empty(), false)),
                List.of());
    }

    /** An OCI image started by docker, with a runtime argument mounting a directory and a filepath input. */
    public static Package ociPackage() {
        Variables hostPath = new Variables(Map.of(
                "source_path", input().format(InputFormat.FILEPATH).required().build()));
        return new Package(
                RegistryType.OCI,
                Optional.empty(),
                "ghcr.io/modelcontextprotocol/server-filesystem:1.0.2",
                Optional.empty(),
                Optional.empty(),
                Optional.of("docker"),
                new com.mcpregistry.domain.serverjson.Transport.Stdio(),
                List.of(new Argument.Named(
                        "--mount",
                        input().value("type=bind,src={source_path},dst=/project")
                                .build(),
                        hostPath,
                        true)),
                List.of(),
                List.of());
    }

    /** An MCPB bundle downloaded from a GitHub release, checked by its SHA-256. */
    public static Package mcpbPackage() {
        return new Package(
                RegistryType.MCPB,
                Optional.empty(),
                "https://github.com/example/weather/releases/download/v1.0.0/weather.mcpb",
                Optional.empty(),
                Optional.of("fe333e598595000ae021bd27117db32ec69af6987f507ba7a63c90638ff633ce"),
                Optional.empty(),
                new com.mcpregistry.domain.serverjson.Transport.Stdio(),
                List.of(),
                List.of(),
                List.of());
    }

    /** examples/valid/with-remote.json: streamable HTTP at https://{host}/mcp with a secret Authorization header. */
    public static Remote remoteWithHeadersAndVariables() {
        return new Remote(
                RemoteTransport.STREAMABLE_HTTP,
                new UrlTemplate("https://{host}/mcp"),
                List.of(new KeyValueInput(
                        "Authorization", input().required().secret().build(), Variables.NONE)),
                new Variables(Map.of(
                        "host",
                        input().description("API host")
                                .defaultValue("api.example.com")
                                .build())));
    }

    /** A server with the given packages and remotes and every optional top-level field filled in. */
    public static ServerDocument document(List<Package> packages, List<Remote> remotes) {
        return new ServerDocument(
                new ServerName("io.github.user/weather"), new Version("2.1.0"), definition(packages, remotes));
    }

    /** The definition of {@link #document}. */
    public static ServerDefinition definition(List<Package> packages, List<Remote> remotes) {
        return new ServerDefinition(
                new Description("MCP server providing weather data and forecasts."),
                Optional.of(new Title("Weather")),
                Optional.of(new HttpUrl("https://modelcontextprotocol.io/examples")),
                Optional.of(new Repository(
                        new HttpUrl("https://github.com/modelcontextprotocol/servers"),
                        "github",
                        Optional.of("src/weather"),
                        Optional.empty())),
                List.of(new Icon(
                        new HttpUrl("https://example.com/icon.png"),
                        Optional.of(Icon.MimeType.PNG),
                        List.of("48x48", "96x96"),
                        Optional.empty())),
                packages,
                remotes,
                Optional.empty());
    }

    public static InputBuilder input() {
        return new InputBuilder();
    }

    /** An {@link Input}, plain by default. */
    public static final class InputBuilder {
        private Optional<String> description = Optional.empty();
        private boolean required;
        private InputFormat format = InputFormat.STRING;
        private Optional<String> value = Optional.empty();
        private boolean secret;
        private Optional<String> defaultValue = Optional.empty();
        private List<String> choices = List.of();

        public InputBuilder description(String description) {
            this.description = Optional.of(description);
            return this;
        }

        public InputBuilder required() {
            this.required = true;
            return this;
        }

        public InputBuilder format(InputFormat format) {
            this.format = format;
            return this;
        }

        public InputBuilder value(String value) {
            this.value = Optional.of(value);
            return this;
        }

        public InputBuilder secret() {
            this.secret = true;
            return this;
        }

        public InputBuilder defaultValue(String defaultValue) {
            this.defaultValue = Optional.of(defaultValue);
            return this;
        }

        public InputBuilder choices(String... choices) {
            this.choices = List.of(choices);
            return this;
        }

        public Input build() {
            return new Input(description, required, format, value, secret, defaultValue, Optional.empty(), choices);
        }
    }
}
