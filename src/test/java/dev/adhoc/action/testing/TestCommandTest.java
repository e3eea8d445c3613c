package dev.adhoc.action.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's test command, {@code scripts/test}, on a machine that lacks what Maven cannot bring:
 * it says so, one sentence each, and builds nothing. PATH holds only stand-ins for java, mvn
 * (which records that it ran) and python3 (without moto), and the few tools the script uses.
 */
class TestCommandTest {
    @TempDir
    Path bin;
    @TempDir
    Path emptyMirror;

    @Test
    void namesEachMissingPrerequisiteOnceAndBuildsNothing() throws Exception {
        Path ran = bin.resolve("mvn-ran");
        executable("java", "exit 0");
        executable("mvn", "echo ran > " + ran);
        executable("python3", "exit 1");
        for (String tool : new String[] {"dirname", "ls", "sort"}) {
            Path installed = Stream.of("/usr/bin", "/bin").map(dir -> Path.of(dir, tool)).filter(Files::isExecutable).findFirst().orElseThrow();
            executable(tool, "exec " + installed + " \"$@\"");
        }
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", "scripts/test").directory(TerraformFixture.repositoryRoot().toFile())
                .redirectErrorStream(true);
        builder.environment().put("PATH", bin.toString());
        builder.environment().put("TF_PLUGIN_MIRROR", emptyMirror.toString());

        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output.lines()).contains(
                "scripts/test needs terraform: install terraform 1.11 or later from HashiCorp's releases"
                        + " (on GitHub Actions: hashicorp/setup-terraform) and put it on PATH.",
                "scripts/test needs the hashicorp/aws provider in the offline mirror " + emptyMirror + " (TF_PLUGIN_MIRROR):"
                        + " fill it once, where the terraform registry is reachable, with"
                        + " `terraform -chdir=terraform/modules/shared providers mirror " + emptyMirror + "`.",
                "scripts/test needs moto's server for python3 (the local AWS): `python3 -m pip install 'moto[server]==5.2.1'`"
                        + " and put pip's bin directory (moto_server) on PATH.");
        assertThat(output.lines()).allSatisfy(line -> assertThat(line).startsWith("scripts/test needs "));
        assertThat(ran).doesNotExist();
    }

    private void executable(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
