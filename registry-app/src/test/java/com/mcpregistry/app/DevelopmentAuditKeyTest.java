package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.audit.AuditKey;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** start-dev's audit key: made on the first run under ./.registry-dev/, readable by its owner only, kept after. */
class DevelopmentAuditKeyTest {
    @TempDir
    Path directory;

    @Test
    void the_first_run_makes_a_key_that_later_runs_keep() throws Exception {
        AuditKey first = DevelopmentDirectory.createOrLoadAuditKey(directory);
        AuditKey again = DevelopmentDirectory.createOrLoadAuditKey(directory);

        Path file = directory.resolve(DevelopmentDirectory.AUDIT_KEY_FILE);
        assertThat(again).isEqualTo(first);
        assertThat(AuditKey.parse(Files.readString(file).strip()))
                .as("the file holds the key as AUDIT_KEY does, for admin audit verify")
                .isEqualTo(first);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
        assertThat(directory.toFile().list()).containsExactly(DevelopmentDirectory.AUDIT_KEY_FILE);
    }

    @Test
    void a_file_that_holds_no_key_is_named_with_what_to_do() throws Exception {
        Files.writeString(directory.resolve(DevelopmentDirectory.AUDIT_KEY_FILE), "dev:too-short\n");

        assertThatThrownBy(() -> DevelopmentDirectory.createOrLoadAuditKey(directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(DevelopmentDirectory.AUDIT_KEY_FILE)
                .hasMessageContaining("remove it");
    }
}
