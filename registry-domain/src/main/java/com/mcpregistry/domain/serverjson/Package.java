package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.Text;
import com.mcpregistry.domain.Validation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A local server a client downloads and starts: an npm, PyPI or NuGet package, an OCI image or an MCPB bundle, with
 * the transport it speaks, its command line and its environment.
 */
public record Package(
        RegistryType registryType,
        Optional<HttpUrl> registryBaseUrl,
        String identifier,
        Optional<Version> version,
        Optional<String> fileSha256,
        Optional<String> runtimeHint,
        Transport transport,
        List<Argument> runtimeArguments,
        List<Argument> packageArguments,
        List<KeyValueInput> environmentVariables) {

    public static final int MAX_IDENTIFIER_LENGTH = HttpUrl.MAX_LENGTH;
    public static final int MAX_RUNTIME_HINT_LENGTH = 255;

    public Package {
        Objects.requireNonNull(registryType, "registryType");
        Objects.requireNonNull(registryBaseUrl, "registryBaseUrl");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(fileSha256, "fileSha256");
        Objects.requireNonNull(runtimeHint, "runtimeHint");
        Objects.requireNonNull(transport, "transport");
        runtimeArguments = List.copyOf(runtimeArguments);
        packageArguments = List.copyOf(packageArguments);
        environmentVariables = List.copyOf(environmentVariables);

        Validation validation = new Validation();
        String checkedIdentifier =
                validation.check(() -> Text.require("/identifier", identifier, MAX_IDENTIFIER_LENGTH));
        if (checkedIdentifier != null && checkedIdentifier.chars().anyMatch(Character::isWhitespace)) {
            // Rule 20 of the official publish checks.
            validation.reject("/identifier", "must not contain spaces");
            checkedIdentifier = null;
        }
        PackageRegistries.checkFields(
                validation, registryType, registryBaseUrl, checkedIdentifier, version, fileSha256);
        runtimeHint.ifPresent(
                hint -> validation.check(() -> Text.require("/runtimeHint", hint, MAX_RUNTIME_HINT_LENGTH)));
        if (transport.url().isPresent()) {
            Set<String> known = urlVariableNames(runtimeArguments, packageArguments, environmentVariables);
            for (String name : transport.url().get().variableNames()) {
                if (!known.contains(name)) {
                    validation.reject(
                            "/transport/url",
                            "refers to {" + name + "}, which no argument or environment variable of the package"
                                    + " names");
                }
            }
        }
        validation.complete();
    }

    private static Set<String> urlVariableNames(
            List<Argument> runtimeArguments, List<Argument> packageArguments, List<KeyValueInput> environment) {
        return Stream.concat(
                        Stream.concat(runtimeArguments.stream(), packageArguments.stream())
                                .flatMap(Argument::urlVariableNames),
                        environment.stream().map(KeyValueInput::name))
                .collect(Collectors.toSet());
    }
}
