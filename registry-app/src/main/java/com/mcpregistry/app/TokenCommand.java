package com.mcpregistry.app;

import com.mcpregistry.entra.DevelopmentServicePrincipal;
import com.mcpregistry.entra.DevelopmentTokenIssuer;
import com.mcpregistry.entra.DevelopmentUser;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints one development access token, signed with the key {@code start-dev} uses. */
@Command(name = "token", description = "Print a development access token for start-dev (key under ./.registry-dev/).")
final class TokenCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--admin", description = "Carry the Registry.Admin app role.")
    boolean admin;

    @Option(names = "--name", description = "Display name (default: Dev User / Dev Admin).")
    String name;

    @Option(names = "--email", description = "E-mail (preferred_username); also derives a stable object id.")
    String email;

    @Option(
            names = "--group",
            paramLabel = "GROUP_ID",
            description = "An Entra group object id for the token's groups claim (repeatable).")
    List<String> groups = List.of();

    @Option(names = "--oid", description = "Entra object id to put in the token.")
    String oid;

    @Option(
            names = "--service-principal",
            paramLabel = "NAME",
            description = "An app-only token of the service principal NAME (a CI pipeline's): the Registry.Publish"
                    + " app role, no scope, no e-mail; its object id is derived from NAME unless --oid is given.")
    String servicePrincipal;

    @Override
    public Integer call() {
        if (servicePrincipal != null && (name != null || email != null || !groups.isEmpty())) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--service-principal takes neither --name, --email nor --group: a service principal is named by"
                            + " its own NAME and has no e-mail");
        }
        Logging.configure(ServeSettings.LogFormat.TEXT, "WARN");
        DevelopmentTokenIssuer issuer = DevelopmentDirectory.existingTokenIssuer();
        DevelopmentTokenIssuer.IssuedToken token = servicePrincipal == null
                ? issuer.issue(user(name, email, oid, admin, groups))
                : issuer.issue(servicePrincipal(servicePrincipal, oid, admin));
        System.out.println(token.accessToken());
        return 0;
    }

    /** The development user these options describe; unset ones take the default user's or admin's values. */
    static DevelopmentUser user(String name, String email, String oid, boolean admin, List<String> groups) {
        DevelopmentUser base = admin ? DevelopmentUser.defaultAdmin() : DevelopmentUser.defaultUser();
        DevelopmentUser named =
                email == null ? base : DevelopmentUser.named(name == null ? base.name() : name, email, admin);
        return new DevelopmentUser(
                oid == null ? named.objectId() : oid, name == null ? named.name() : name, named.email(), admin, groups);
    }

    /** The development service principal named {@code name}, with object id {@code oid} when one is given. */
    static DevelopmentServicePrincipal servicePrincipal(String name, String oid, boolean admin) {
        DevelopmentServicePrincipal named = DevelopmentServicePrincipal.named(name, admin);
        return oid == null ? named : named.withObjectId(oid);
    }
}
