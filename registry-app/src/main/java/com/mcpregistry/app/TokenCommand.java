package com.mcpregistry.app;

import com.mcpregistry.entra.DevelopmentUser;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints one development access token, signed with the key {@code start-dev} uses. */
@Command(name = "token", description = "Print a development access token for start-dev (key under ./.registry-dev/).")
final class TokenCommand implements Callable<Integer> {

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

    @Override
    public Integer call() {
        Logging.configure(ServeSettings.LogFormat.TEXT, "WARN");
        System.out.println(DevelopmentDirectory.existingTokenIssuer()
                .issue(user(name, email, oid, admin, groups))
                .accessToken());
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
}
