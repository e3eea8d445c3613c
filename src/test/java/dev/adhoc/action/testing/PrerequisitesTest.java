package dev.adhoc.action.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks of what Maven cannot bring, against stand-ins; each missing thing is one sentence. */
class PrerequisitesTest {
    @TempDir
    Path root;

    @Test
    void terraformIsTheFirstOnPathThatRuns() throws IOException {
        Path first = executable(root.resolve("first/terraform"), "exit 0");
        executable(root.resolve("second/terraform"), "exit 0");

        Prerequisites.Check<Path> check = Prerequisites.checkTerraform(Map.of("PATH", root.resolve("none") + ":" + first.getParent()
                + ":" + root.resolve("second")));

        assertThat(check.get()).isEqualTo(first);
    }

    @Test
    void aMissingOrBrokenTerraformIsOneSentenceWithoutAStackTrace() throws IOException {
        assertThatThrownBy(() -> Prerequisites.checkTerraform(Map.of("PATH", root.toString())).get())
                .isInstanceOf(Prerequisites.Missing.class)
                .hasMessage("terraform is not on PATH: install terraform 1.11 or later from HashiCorp's releases"
                        + " (on GitHub Actions: hashicorp/setup-terraform) and put it on PATH.")
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());

        Path broken = executable(root.resolve("broken/terraform"), "exit 1");
        assertThatThrownBy(() -> Prerequisites.checkTerraform(Map.of("PATH", broken.getParent().toString())).get())
                .hasMessageStartingWith(broken + " does not run (`terraform version` fails): install terraform 1.11 or later");
    }

    @Test
    void theProviderMirrorMustHoldHashicorpAws() throws IOException {
        Path mirror = root.resolve("mirror");
        Path aws = Files.createDirectories(mirror.resolve("registry.terraform.io/hashicorp/aws"));

        assertThatThrownBy(() -> Prerequisites.checkProviderMirror(Map.of("TF_PLUGIN_MIRROR", mirror.toString())).get())
                .isInstanceOf(Prerequisites.Missing.class)
                .hasMessage("The hashicorp/aws provider is not in the offline provider mirror " + mirror
                        + " (TF_PLUGIN_MIRROR, default /opt/tf-plugins): fill it once, where the terraform registry is reachable, with"
                        + " `terraform -chdir=terraform/modules/shared providers mirror " + mirror + "`, or point TF_PLUGIN_MIRROR at a"
                        + " mirror that has it.");

        Files.createDirectories(aws.resolve("5.100.0"));
        assertThat(Prerequisites.checkProviderMirror(Map.of("TF_PLUGIN_MIRROR", mirror.toString())).get()).isEqualTo(mirror);
    }

    @Test
    void pythonMustImportMotosServer() throws IOException {
        Path withoutMoto = executable(root.resolve("python-without-moto"), "echo 'No module named moto' >&2; exit 1");

        assertThatThrownBy(() -> Prerequisites.checkMoto(Map.of("LOCAL_AWS_PYTHON", withoutMoto.toString())).get())
                .isInstanceOf(Prerequisites.Missing.class)
                .hasMessage(withoutMoto + " cannot import moto's server (the local AWS the tests run on): install python3 and then"
                        + " `python3 -m pip install 'moto[server]==5.2.1'` (or set LOCAL_AWS_PYTHON to a python that has it).");
        // The machine's own, which the other tests need anyway.
        assertThat(Prerequisites.python()).isNotBlank();
    }

    private static Path executable(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
