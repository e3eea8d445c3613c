package dev.adhoc.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.adhoc.action.config.CommandLine;
import dev.adhoc.action.text.ShellWords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every command line README shows, from the jar or the image, names a real verb and real flags. */
class ReadmeCommandsTest {
    /** The program's arguments: what follows the jar or the image on a command line. */
    private static final Pattern PROGRAM = Pattern.compile("(?:target/adhoc-action\\.jar|ghcr\\.io/adhoc-action/adhoc-action:\\S+)(.*)");

    static List<String> commands(String markdown) {
        List<String> commands = new ArrayList<>();
        boolean inBlock = false;
        StringBuilder line = new StringBuilder();
        for (String raw : markdown.split("\n", -1)) {
            if (raw.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (!inBlock) continue;
            line.append(raw.endsWith("\\") ? raw.substring(0, raw.length() - 1) + " " : raw);
            if (raw.endsWith("\\")) continue;
            // Comments after a command are set off by two spaces and a '#'.
            String command = line.toString().replaceFirst("\\s{2,}#.*$", "").strip();
            line.setLength(0);
            Matcher program = PROGRAM.matcher(command);
            if (command.startsWith("java ") || command.startsWith("docker run")) {
                if (program.find()) commands.add(program.group(1).strip());
            }
        }
        return commands;
    }

    @Test
    void everyCommandInReadmeParses() throws Exception {
        List<String> commands = commands(Files.readString(Path.of("README.md")));

        assertThat(commands).contains("help", "deploy --help", "--version");
        for (String command : commands) {
            String[] args = ShellWords.split("README command", command).toArray(String[]::new);
            assertThatCode(() -> CommandLine.parse(args, Map.of())).as(command).doesNotThrowAnyException();
        }
    }

    @Test
    void findsCommandsAcrossContinuationLinesAndNotInProse() {
        String markdown = "java -jar target/adhoc-action.jar prose\n```\njava -jar target/adhoc-action.jar help  # the verbs\n"
                + "docker run --rm \\\n  ghcr.io/adhoc-action/adhoc-action:v1 plan alpha\nmvn -B verify\n```\n";
        assertThat(commands(markdown)).containsExactly("help", "plan alpha");
    }
}
