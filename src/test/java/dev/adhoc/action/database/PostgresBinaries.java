package dev.adhoc.action.database;

import dev.adhoc.action.testing.Prerequisites;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PostgreSQL programs the tests run, all from one directory: the first of PATH's
 * directories, {@code /usr/lib/postgresql/<version>/bin} (Debian, Ubuntu and GitHub's runners;
 * highest version first) and {@code /usr/local/bin} that holds them all, at version 13 or later.
 */
record PostgresBinaries(Path bin, int majorVersion) {
    static final int MINIMUM_VERSION = 13;
    static final List<String> PROGRAMS = List.of("initdb", "pg_ctl", "postgres", "psql", "createdb", "dropdb");
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    /** Looks where Debian, Ubuntu, GitHub's runners and most other installs put PostgreSQL. */
    static PostgresBinaries find() {
        return find(System.getenv().getOrDefault("PATH", ""), Path.of("/usr/lib/postgresql"), Path.of("/usr/local/bin"));
    }

    static PostgresBinaries find(String pathVariable, Path debianRoot, Path localBin) {
        List<Path> candidates = candidates(pathVariable, debianRoot, localBin);
        List<String> tooOld = new ArrayList<>();
        for (Path dir : candidates) {
            if (!PROGRAMS.stream().allMatch(p -> Files.isExecutable(dir.resolve(p)))) continue;
            Optional<Integer> version = majorVersion(dir);
            if (version.isPresent() && version.get() >= MINIMUM_VERSION) return new PostgresBinaries(dir, version.get());
            tooOld.add(dir + " (" + version.map(v -> "version " + v).orElse("unknown version") + ")");
        }
        throw new Prerequisites.Missing("The database tests need PostgreSQL " + MINIMUM_VERSION + " or later (" + String.join(", ", PROGRAMS)
                + " in one directory) but found it in none of PATH, " + debianRoot + "/*/bin and " + localBin
                + (tooOld.isEmpty() ? "" : " except too old in " + String.join(", ", tooOld))
                + ": install it (Debian and Ubuntu: apt-get install postgresql; macOS: brew install postgresql) or put its bin directory on PATH.");
    }

    /** PATH's directories, then Debian's versioned ones (highest first), then /usr/local/bin. */
    static List<Path> candidates(String pathVariable, Path debianRoot, Path localBin) {
        List<Path> dirs = new ArrayList<>();
        for (String entry : pathVariable.split(File.pathSeparator)) {
            if (!entry.isBlank()) dirs.add(Path.of(entry));
        }
        if (Files.isDirectory(debianRoot)) {
            try (Stream<Path> versions = Files.list(debianRoot)) {
                versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                        .sorted(Comparator.comparingInt((Path v) -> Integer.parseInt(v.getFileName().toString())).reversed())
                        .forEach(v -> dirs.add(v.resolve("bin")));
            } catch (IOException e) {
                // An unreadable directory holds nothing we can run.
            }
        }
        dirs.add(localBin);
        return dirs;
    }

    private static Optional<Integer> majorVersion(Path dir) {
        Processes.Result result = Processes.run(List.of(dir.resolve("initdb").toString(), "--version"));
        Matcher matcher = VERSION.matcher(result.stdout());
        return result.exitCode() == 0 && matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    Path program(String name) {
        return bin.resolve(name);
    }

    /** PATH with these programs first: for the scripts, and for the commands the test bastion runs. */
    Map<String, String> processEnvironment() {
        return Map.of("PATH", bin + File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }
}
