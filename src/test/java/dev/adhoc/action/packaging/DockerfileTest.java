package dev.adhoc.action.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The Dockerfile's promises, checked without a Docker engine: a Maven build stage, terraform
 * pinned by version and checksum, a final JRE stage without build tools, an AppCDS archive made
 * at build time and used by the entrypoint, and jib's configuration in pom.xml agreeing with it.
 */
class DockerfileTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    static Dockerfile dockerfile() throws IOException {
        return Dockerfile.read(ROOT.resolve("Dockerfile"));
    }

    /** The entrypoint's JVM flags less the AppCDS archive, which only the Dockerfile's image has. */
    static List<String> jvmFlagsWithoutArchive() throws IOException {
        List<String> entrypoint = dockerfile().finalStage().entrypoint();
        return entrypoint.subList(1, entrypoint.indexOf("-jar")).stream()
                .filter(flag -> !flag.startsWith("-XX:SharedArchiveFile=")).toList();
    }

    @Test
    void buildsTheJarWithMavenAndRunsItOnAJre() throws IOException {
        Dockerfile file = dockerfile();
        assertThat(file.stage("build").from()).isEqualTo("maven:3.9-eclipse-temurin-21");
        assertThat(file.stage("build").all("RUN")).anyMatch(run -> run.contains("mvn -B -q package -DskipTests"));
        assertThat(file.finalStage().from()).isEqualTo("eclipse-temurin:21-jre");
        assertThat(file.finalStage().all("COPY"))
                .contains("--from=build /src/target/adhoc-action.jar /app/adhoc-action.jar")
                .contains("--from=terraform /download/terraform /usr/local/bin/terraform");
    }

    @Test
    void terraformIsPinnedByVersionAndChecksum() throws IOException {
        Dockerfile file = dockerfile();
        assertThat(file.globalArgs().get("TERRAFORM_VERSION")).matches("1\\.11\\.\\d+");
        assertThat(file.globalArgs().get("TERRAFORM_SHA256_AMD64")).matches("[0-9a-f]{64}");
        assertThat(file.globalArgs().get("TERRAFORM_SHA256_ARM64")).matches("[0-9a-f]{64}");
        String download = String.join("\n", file.stage("terraform").all("RUN"));
        assertThat(download).contains("terraform_${TERRAFORM_VERSION}_SHA256SUMS", "sha256sum -c", "[ \"$published\" = \"$expected\" ]");
    }

    @Test
    void ciTestsWithTheTerraformTheImageShips() throws IOException {
        String ci = Files.readString(ROOT.resolve(".github/workflows/ci.yml"));
        assertThat(ci).contains("terraform_version: \"" + dockerfile().globalArgs().get("TERRAFORM_VERSION") + "\"");
    }

    @Test
    void finalStageHasNoBuildTools() throws IOException {
        Dockerfile.Stage image = dockerfile().finalStage();
        for (String run : image.all("RUN")) {
            assertThat(run).doesNotContain("apt-get", "mvn ", "curl", "unzip", "javac");
        }
        // Only built artifacts come in, from the other stages; no sources, no Maven repository.
        assertThat(image.all("COPY")).allMatch(copy -> copy.startsWith("--from=")).noneMatch(copy -> copy.contains(".m2"));
    }

    @Test
    void entrypointIsJavaWithTheArchiveMadeAtBuildTime() throws IOException {
        Dockerfile.Stage image = dockerfile().finalStage();
        List<String> entrypoint = image.entrypoint();
        assertThat(entrypoint).startsWith("java").endsWith("-jar", "/app/adhoc-action.jar");
        assertThat(entrypoint).contains("-XX:SharedArchiveFile=/app/adhoc.jsa");
        assertThat(image.last("CMD")).isNull();
        String training = image.all("RUN").stream().filter(run -> run.contains("-XX:ArchiveClassesAtExit=/app/adhoc.jsa"))
                .findFirst().orElseThrow(() -> new AssertionError("no RUN creates /app/adhoc.jsa"));
        // The archive is made with the flags it is used with, and checked with -Xshare:on.
        for (String flag : jvmFlagsWithoutArchive()) assertThat(training).contains(flag);
        assertThat(training).contains("-Xshare:on -XX:SharedArchiveFile=/app/adhoc.jsa");
    }

    @Test
    void runsAsRootInAWorkingDirectoryForTheCli() throws IOException {
        Dockerfile.Stage image = dockerfile().finalStage();
        assertThat(image.last("USER")).isEqualTo("root");
        assertThat(image.last("WORKDIR")).isEqualTo("/work");
    }

    @Test
    void dockerignoreLetsInWhatTheBuildCopies() throws IOException {
        List<String> allowed = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .filter(line -> line.startsWith("!")).map(line -> line.substring(1).replaceAll("/$", "")).toList();
        for (Dockerfile.Stage stage : dockerfile().stages()) {
            for (String copy : stage.all("COPY")) {
                if (copy.startsWith("--from=")) continue;
                String[] words = copy.split("\\s+");
                for (int i = 0; i < words.length - 1; i++) {
                    assertThat(allowed).as(".dockerignore lets in %s", words[i]).contains(words[i].replaceAll("/$", ""));
                    assertThat(ROOT.resolve(words[i])).exists();
                }
            }
        }
    }

    @Test
    void jibConfigurationAgreesWithTheDockerfile() throws Exception {
        Element jib = jibPlugin();
        Element container = child(child(jib, "configuration"), "container");
        List<String> entrypoint = new ArrayList<>();
        NodeList args = child(container, "entrypoint").getElementsByTagName("arg");
        for (int i = 0; i < args.getLength(); i++) entrypoint.add(args.item(i).getTextContent().strip());
        assertThat(entrypoint).startsWith("java").endsWith("-cp", "@/app/jib-classpath-file", "dev.adhoc.action.Main");
        assertThat(entrypoint.subList(1, entrypoint.size() - 3)).containsExactlyElementsOf(jvmFlagsWithoutArchive());

        Dockerfile.Stage image = dockerfile().finalStage();
        assertThat(child(container, "user").getTextContent().strip()).isEqualTo(image.last("USER"));
        assertThat(child(container, "workingDirectory").getTextContent().strip()).isEqualTo(image.last("WORKDIR"));
        Map<String, String> environment = new LinkedHashMap<>();
        for (Node n = child(container, "environment").getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) environment.put(e.getTagName(), e.getTextContent().strip());
        }
        assertThat(environment).isEqualTo(image.environment());
        assertThat(child(child(child(jib, "configuration"), "from"), "image").getTextContent().strip()).isEqualTo(image.from());
    }

    private static Element jibPlugin() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element project = factory.newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile()).getDocumentElement();
        NodeList plugins = child(child(project, "build"), "plugins").getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (child(plugin, "artifactId").getTextContent().strip().equals("jib-maven-plugin")) return plugin;
        }
        throw new AssertionError("pom.xml has no jib-maven-plugin in build/plugins");
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return e;
        }
        throw new AssertionError("<" + parent.getTagName() + "> has no <" + name + ">");
    }
}
