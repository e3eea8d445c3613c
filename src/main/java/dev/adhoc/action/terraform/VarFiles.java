package dev.adhoc.action.terraform;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.model.EnvironmentName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds an environment's variables file: {@code var-file} when given (relative to
 * terraform-directory), else {@code <environment>.tfvars} in terraform-directory. Checked
 * before terraform or AWS is touched, so a typo in an environment name creates nothing.
 */
public final class VarFiles {
    private VarFiles() {
    }

    /** The terraform root, which must be an existing directory. */
    public static Path directory(Path terraformDirectory) {
        if (!Files.isDirectory(terraformDirectory)) {
            throw new AdhocFailure(FailureReason.TERRAFORM_DIRECTORY_MISSING, "The terraform directory " + terraformDirectory
                    + " does not exist. Set input 'terraform-directory' to the root module holding the <environment>.tfvars "
                    + "files (default terraform/ad-hoc, relative to the repository root), and check out the repository "
                    + "(actions/checkout) before this step.");
        }
        return terraformDirectory;
    }

    /** The variables file for {@code environment}; fails with {@code tfvars-missing} naming the files that do exist. */
    public static Path resolve(Path terraformDirectory, Optional<String> varFileInput, EnvironmentName environment) {
        Path directory = directory(terraformDirectory);
        Path file = directory.resolve(varFileInput.orElse(environment.value() + ".tfvars"));
        if (Files.isRegularFile(file)) return file;
        List<String> existing = existing(directory);
        String found = existing.isEmpty()
                ? "There are no *.tfvars files in " + directory + "."
                : "Files there: " + String.join(", ", existing) + ".";
        String how = varFileInput.isPresent()
                ? " Check input 'var-file' (it is relative to terraform-directory)."
                : " To add environment '" + environment + "', commit " + directory.relativize(file) + " to " + directory
                        + " (copy one of the existing files and adjust it), or point input 'var-file' at an existing file.";
        return fail(file, found + how);
    }

    private static Path fail(Path file, String detail) {
        throw new AdhocFailure(FailureReason.TFVARS_MISSING, "Variables file " + file + " does not exist. " + detail);
    }

    /** Every {@code *.tfvars} file in the directory, sorted by name. */
    static List<String> existing(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".tfvars"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }
}
