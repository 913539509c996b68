package com.mcpregistry.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module and package rules of SPEC §1 and STYLE.md, checked on the compiled main classes. */
class ArchitectureTest {
    /** The adapters and the app; every other package below com.mcpregistry is the domain or registry-ports. */
    private static final String[] ADAPTERS_AND_APP = {
        "com.mcpregistry.http..",
        "com.mcpregistry.postgres..",
        "com.mcpregistry.entra..",
        "com.mcpregistry.mcp..",
        "com.mcpregistry.app.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // The test jars other modules share with registry-app's tests (e.g. entra's token fixtures).
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("com.mcpregistry");
    }

    @Test
    void the_domain_depends_on_nothing_but_the_jdk() {
        noClasses()
                .that()
                .resideInAPackage("com.mcpregistry.domain..")
                .should()
                .dependOnClassesThat()
                // javax.crypto is the JDK's HMAC, which keys the audit chain.
                .resideOutsideOfPackages("com.mcpregistry.domain..", "java..", "javax.crypto..")
                .check(classes);
    }

    @Test
    void ports_depend_only_on_the_domain_and_the_jdk() {
        noClasses()
                .that()
                .resideOutsideOfPackages(ADAPTERS_AND_APP)
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("com.mcpregistry..", "java..", "javax.crypto..")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage(ADAPTERS_AND_APP)
                .check(classes);
    }

    @Test
    void no_package_depends_on_itself_through_others() {
        // (**) makes every package its own slice: a feature package, its subpackages and the shared helpers below
        // them may not form a cycle in any module.
        slices().matching("com.mcpregistry.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void inbound_ports_do_not_depend_on_outbound_ports() {
        noClasses()
                .that()
                .resideInAPackage("..port.in..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..port.out..")
                .check(classes);
    }

    @Test
    void the_http_adapter_drives_the_core_through_inbound_use_cases_only() {
        noClasses()
                .that()
                .resideInAPackage("com.mcpregistry.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..port.out..", "..service..", "com.mcpregistry.inmemory..")
                .check(classes);
    }

    @Test
    void the_domain_and_the_ports_speak_no_http() {
        noClasses()
                .that()
                .resideOutsideOfPackages(ADAPTERS_AND_APP)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..")
                .orShould()
                // Domain errors say what went wrong in the registry's terms (StaleVersion), the HTTP adapter maps them.
                .haveNameMatching(".*[.$]\\w*(PreconditionFailed|Unprocessable|BadRequest|Unauthorized|NotAcceptable"
                        + "|TooLarge|UnsupportedMediaType|TooManyRequests|InternalServerError|ServiceUnavailable"
                        + "|MethodNotAllowed)\\w*")
                .check(classes);
    }

    @Test
    void adapters_do_not_depend_on_each_other() {
        String[] adapters = {
            "com.mcpregistry.postgres..", "com.mcpregistry.entra..", "com.mcpregistry.http..", "com.mcpregistry.mcp.."
        };
        for (String adapter : adapters) {
            for (String other : adapters) {
                if (!adapter.equals(other)) {
                    noClasses()
                            .that()
                            .resideInAPackage(adapter)
                            .should()
                            .dependOnClassesThat()
                            .resideInAPackage(other)
                            .check(classes);
                }
            }
        }
    }

    @Test
    void the_http_adapter_uses_no_jdbi_nimbus_or_liquibase() {
        noClasses()
                .that()
                .resideInAPackage("com.mcpregistry.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jdbi..", "com.nimbusds..", "liquibase..", "java.sql..", "com.zaxxer..")
                .check(classes);
    }

    @Test
    void only_the_mcp_adapter_speaks_mcp() {
        // The SDK, its JSON library (Jackson 3) and the address classes of the SSRF guard stay behind RemoteProbe.
        noClasses()
                .that()
                .resideOutsideOfPackage("com.mcpregistry.mcp..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.modelcontextprotocol..", "tools.jackson..", "inet.ipaddr..")
                .check(classes);
    }

    @Test
    void nothing_but_the_app_wires_adapters_together() {
        noClasses()
                .that()
                .resideOutsideOfPackage("com.mcpregistry.app..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.mcpregistry.app..")
                .check(classes);
    }
}
