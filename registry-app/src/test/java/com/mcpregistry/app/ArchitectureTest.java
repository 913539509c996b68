package com.mcpregistry.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of SPEC §1, checked on the compiled main classes. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.mcpregistry");
    }

    @Test
    void the_domain_depends_on_nothing_but_the_jdk() {
        noClasses()
                .that()
                .resideInAPackage("com.mcpregistry.domain..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("com.mcpregistry.domain..", "java..")
                .check(classes);
    }

    @Test
    void ports_depend_only_on_the_domain_and_the_jdk() {
        noClasses()
                .that()
                .resideInAnyPackage("com.mcpregistry.port..", "com.mcpregistry.service..", "com.mcpregistry.inmemory..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(
                        "com.mcpregistry.domain..",
                        "com.mcpregistry.port..",
                        "com.mcpregistry.service..",
                        "com.mcpregistry.inmemory..",
                        "java..")
                .check(classes);
    }

    @Test
    void adapters_do_not_depend_on_each_other() {
        String[] adapters = {"com.mcpregistry.postgres..", "com.mcpregistry.entra..", "com.mcpregistry.http.."};
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
