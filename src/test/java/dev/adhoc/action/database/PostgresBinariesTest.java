package dev.adhoc.action.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adhoc.action.testing.Prerequisites;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the tests find PostgreSQL: stand-in programs that only answer --version. */
class PostgresBinariesTest {
    @TempDir
    Path root;

    @Test
    void pathComesFirstThenDebiansHighestVersionThenUsrLocalBin() throws IOException {
        Path onPath = root.resolve("path-bin");
        Files.createDirectories(onPath);
        Path debian = root.resolve("usr/lib/postgresql");
        for (String version : List.of("7", "13", "16")) Files.createDirectories(debian.resolve(version).resolve("bin"));
        Files.createDirectories(debian.resolve("common"));

        assertThat(PostgresBinaries.candidates(onPath + File.pathSeparator, debian, root.resolve("local")))
                .containsExactly(onPath, debian.resolve("16/bin"), debian.resolve("13/bin"), debian.resolve("7/bin"), root.resolve("local"));
    }

    @Test
    void takesTheHighestDebianVersionWhenPathHasNone() throws IOException {
        Path debian = root.resolve("usr/lib/postgresql");
        install(debian.resolve("15/bin"), "15.18");
        install(debian.resolve("16/bin"), "16.4");

        PostgresBinaries found = PostgresBinaries.find("/nonexistent", debian, root.resolve("local"));

        assertThat(found).isEqualTo(new PostgresBinaries(debian.resolve("16/bin"), 16));
        assertThat(found.program("psql")).isEqualTo(debian.resolve("16/bin/psql"));
        assertThat(found.processEnvironment().get("PATH")).startsWith(debian.resolve("16/bin") + File.pathSeparator);
    }

    @Test
    void passesOverADirectoryWithOnlyTheServerAndOneTooOld() throws IOException {
        Path serverOnly = root.resolve("server-only");
        install(serverOnly, "15.18");
        Files.delete(serverOnly.resolve("psql"));
        Path old = root.resolve("old");
        install(old, "12.3");
        Path local = root.resolve("local");
        install(local, "14.1");

        assertThat(PostgresBinaries.find(serverOnly + File.pathSeparator + old, root.resolve("none"), local))
                .isEqualTo(new PostgresBinaries(local, 14));
    }

    @Test
    void noUsablePostgresIsOneSentenceSayingHowToInstallIt() throws IOException {
        Path old = root.resolve("old");
        install(old, "12.3");

        assertThatThrownBy(() -> PostgresBinaries.find(old.toString(), root.resolve("none"), root.resolve("local")))
                .isInstanceOf(Prerequisites.Missing.class)
                .hasMessageStartingWith("The database tests need PostgreSQL 13 or later (initdb, pg_ctl, postgres, psql, createdb, dropdb"
                        + " in one directory) but found it in none of PATH, " + root.resolve("none") + "/*/bin and " + root.resolve("local"))
                .hasMessageContaining("except too old in " + old + " (version 12)")
                .hasMessageEndingWith(": install it (Debian and Ubuntu: apt-get install postgresql; macOS: brew install postgresql)"
                        + " or put its bin directory on PATH.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** Every program in {@code dir}, each a script printing what PostgreSQL's print for --version. */
    private static void install(Path dir, String version) throws IOException {
        Files.createDirectories(dir);
        for (String program : PostgresBinaries.PROGRAMS) {
            Path file = dir.resolve(program);
            Files.writeString(file, "#!/bin/sh\necho '" + program + " (PostgreSQL) " + version + "'\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
