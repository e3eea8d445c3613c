package dev.adhoc.action.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.model.EnvironmentName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VarFilesTest {
    @TempDir
    Path dir;

    @Test
    void findsTheEnvironmentsFileByDefault() throws Exception {
        Files.writeString(dir.resolve("alpha.tfvars"), "x = 1\n");
        assertThat(VarFiles.resolve(dir, Optional.empty(), EnvironmentName.of("alpha"))).isEqualTo(dir.resolve("alpha.tfvars"));
    }

    @Test
    void varFileInputIsRelativeToTheTerraformDirectory() throws Exception {
        Files.createDirectories(dir.resolve("envs"));
        Files.writeString(dir.resolve("envs/shared.tfvars"), "x = 1\n");
        assertThat(VarFiles.resolve(dir, Optional.of("envs/shared.tfvars"), EnvironmentName.of("alpha")))
                .isEqualTo(dir.resolve("envs/shared.tfvars"));
    }

    @Test
    void missingFileNamesTheFileLookedForAndListsTheExistingOnesSorted() throws Exception {
        Files.writeString(dir.resolve("staging.tfvars"), "");
        Files.writeString(dir.resolve("demo.tfvars"), "");
        Files.writeString(dir.resolve("local.tfvars"), "");
        Files.writeString(dir.resolve("main.tf"), "");
        Files.createDirectories(dir.resolve("dir.tfvars"));

        assertThatThrownBy(() -> VarFiles.resolve(dir, Optional.empty(), EnvironmentName.of("feature-x")))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("tfvars-missing");
                    assertThat(f.getMessage())
                            .contains("Variables file " + dir.resolve("feature-x.tfvars") + " does not exist")
                            .contains("Files there: demo.tfvars, local.tfvars, staging.tfvars.")
                            .contains("commit feature-x.tfvars to " + dir)
                            .doesNotContain("main.tf,").doesNotContain("dir.tfvars");
                });
    }

    @Test
    void missingFileInAnEmptyDirectorySaysThereAreNone() {
        assertThatThrownBy(() -> VarFiles.resolve(dir, Optional.empty(), EnvironmentName.of("alpha")))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> assertThat(f.getMessage())
                        .contains("There are no *.tfvars files in " + dir));
    }

    @Test
    void missingVarFileInputPointsAtTheInput() {
        assertThatThrownBy(() -> VarFiles.resolve(dir, Optional.of("nope.tfvars"), EnvironmentName.of("alpha")))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> assertThat(f.getMessage())
                        .contains(dir.resolve("nope.tfvars").toString()).contains("Check input 'var-file'"));
    }

    @Test
    void missingTerraformDirectoryIsNamed() {
        Path missing = dir.resolve("terraform/ad-hoc");
        assertThatThrownBy(() -> VarFiles.resolve(missing, Optional.empty(), EnvironmentName.of("alpha")))
                .isInstanceOfSatisfying(AdhocFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo("terraform-directory-missing");
                    assertThat(f.getMessage()).contains(missing.toString()).contains("terraform-directory");
                });
    }
}
