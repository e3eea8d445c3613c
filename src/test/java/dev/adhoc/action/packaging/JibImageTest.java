package dev.adhoc.action.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image jib builds (as a tar on {@code scratch}, by the image-check profile of {@code mvn
 * verify}) has the Dockerfile's entrypoint flags, user, working directory and environment, and
 * the layers jib promises: dependencies, then the program's classes, then its class path file.
 * The plain test phase leaves it out (there is no tar yet); the image-check execution runs it.
 */
class JibImageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode config;
    private static List<String> history;
    private static List<Map<String, byte[]>> layers;

    @BeforeAll
    static void readImage() throws IOException {
        String tar = System.getProperty("adhoc.image-check.tar");
        Map<String, byte[]> image;
        try (InputStream in = Files.newInputStream(Path.of(tar))) {
            image = Tar.read(in, name -> true);
        }
        JsonNode manifest = JSON.readTree(image.get("manifest.json")).get(0);
        config = JSON.readTree(image.get(manifest.get("Config").asText()));
        history = new ArrayList<>();
        config.get("history").forEach(h -> history.add(h.path("comment").asText()));
        layers = new ArrayList<>();
        for (JsonNode layer : manifest.get("Layers")) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(image.get(layer.asText())))) {
                layers.add(Tar.read(in, name -> name.startsWith("app/jib-")));
            }
        }
        assertThat(layers).hasSize(config.get("rootfs").get("diff_ids").size());
    }

    @Test
    void entrypointIsTheJavaLauncherWithTheDockerfilesFlags() throws IOException {
        List<String> entrypoint = strings(config.get("config").get("Entrypoint"));
        assertThat(entrypoint).startsWith("java").endsWith("-cp", "@/app/jib-classpath-file", "dev.adhoc.action.Main");
        assertThat(entrypoint.subList(1, entrypoint.size() - 3)).containsExactlyElementsOf(DockerfileTest.jvmFlagsWithoutArchive());
        assertThat(config.get("config").has("Cmd")).isFalse();
    }

    @Test
    void userWorkingDirectoryAndEnvironmentAreTheDockerfiles() throws IOException {
        Dockerfile.Stage image = DockerfileTest.dockerfile().finalStage();
        assertThat(config.get("config").get("User").asText()).isEqualTo(image.last("USER"));
        assertThat(config.get("config").get("WorkingDir").asText()).isEqualTo(image.last("WORKDIR"));
        List<String> expected = new ArrayList<>();
        image.environment().forEach((k, v) -> expected.add(k + "=" + v));
        assertThat(strings(config.get("config").get("Env"))).containsAll(expected);
    }

    @Test
    void dependenciesClassesAndClassPathAreSeparateLayers() {
        assertThat(history).containsSubsequence("dependencies", "classes", "jvm arg files");
        Map<String, Integer> layerOf = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (String path : layers.get(i).keySet()) layerOf.putIfAbsent(path, i);
        }
        Integer dependencies = layerOf.keySet().stream().filter(p -> p.matches("app/libs/ecs-[0-9.]+\\.jar")).findFirst().map(layerOf::get).orElse(null);
        Integer classes = layerOf.get("app/classes/dev/adhoc/action/Main.class");
        Integer classPath = layerOf.get("app/jib-classpath-file");
        assertThat(dependencies).as("layer with app/libs/ecs-*.jar").isNotNull();
        assertThat(classes).as("layer with app/classes/dev/adhoc/action/Main.class").isNotNull();
        assertThat(classPath).as("layer with app/jib-classpath-file").isNotNull();
        assertThat(dependencies).isLessThan(classes);
        assertThat(classes).isLessThan(classPath);
        assertThat(layers.get(dependencies).keySet()).noneMatch(p -> p.startsWith("app/classes/"));
    }

    @Test
    void classPathNamesTheClassesAndEveryDependencyInTheImage() {
        Map<String, byte[]> files = new HashMap<>();
        layers.forEach(files::putAll);
        String classPath = new String(files.get("app/jib-classpath-file"), StandardCharsets.UTF_8).strip();
        List<String> entries = List.of(classPath.split(":"));
        assertThat(entries).contains("/app/classes");
        assertThat(entries.stream().filter(e -> e.endsWith(".jar"))).isNotEmpty()
                .allSatisfy(jar -> assertThat(files).containsKey(jar.substring(1)));
        assertThat(new String(files.get("app/jib-main-class-file"), StandardCharsets.UTF_8).strip()).isEqualTo("dev.adhoc.action.Main");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
