package io.camelksm.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.connector.definition.ConnectorDefinition;
import io.camelksm.connector.definition.ConnectorDefinitionException;

/** Loading definitions from class path directories (also inside a jar), files and file system directories. */
class ConnectorDefinitionsTest {

    @TempDir
    Path dir;

    @Test
    void classPathDirectoryReadsYamlAndYmlSortedButNotSubdirectories() {
        ConnectorDefinitions definitions = ConnectorDefinitions.load("classpath:test-connectors/");

        assertThat(names(definitions)).containsExactly("alpha", "beta");
        assertThat(definitions.find("alpha").orElseThrow().source()).isEqualTo("test-connectors/alpha.yaml");
        assertThat(definitions.find("nested")).isEmpty();
    }

    @Test
    void classPathFile() {
        assertThat(names(ConnectorDefinitions.load("classpath:/test-connectors/beta.yml"))).containsExactly("beta");
    }

    @Test
    void fileDirectoryAndFile() throws IOException {
        Files.writeString(dir.resolve("zulu.yaml"), definition("zulu"));
        Files.writeString(dir.resolve("echo.yml"), definition("echo"));
        Files.writeString(dir.resolve("notes.txt"), "x");

        assertThat(names(ConnectorDefinitions.load("file:" + dir))).containsExactly("echo", "zulu");
        assertThat(names(ConnectorDefinitions.load("file:" + dir.resolve("zulu.yaml"), "classpath:test-connectors/")))
                .containsExactly("zulu", "alpha", "beta");
    }

    @Test
    void classPathDirectoryInsideAJar() throws Exception {
        Path jar = dir.resolve("defs.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            entry(out, "jar-connectors/", null);
            entry(out, "jar-connectors/yankee.yaml", definition("yankee"));
            entry(out, "jar-connectors/xray.yml", definition("xray"));
            entry(out, "jar-connectors/sub/", null);
            entry(out, "jar-connectors/sub/nested.yaml", definition("nested"));
            entry(out, "other/other.yaml", definition("other"));
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Thread.currentThread().setContextClassLoader(loader);
            ConnectorDefinitions definitions = ConnectorDefinitions.load("classpath:jar-connectors");

            assertThat(names(definitions)).containsExactly("xray", "yankee");
            assertThat(definitions.find("xray").orElseThrow().source()).isEqualTo("jar-connectors/xray.yml");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void duplicateNamesAcrossFilesNameBothFiles() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), definition("same"));
        Files.writeString(dir.resolve("b.yaml"), definition("same"));

        assertThatThrownBy(() -> ConnectorDefinitions.load("file:" + dir))
                .isInstanceOf(ConnectorDefinitionException.class)
                .hasMessage(dir.resolve("b.yaml") + ": name: connector 'same' is already defined in " + dir.resolve("a.yaml"));
    }

    @Test
    void aBrokenFileNamesItsPath() throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), definition("bad").replace("method: GET", "method: get"));

        assertThatThrownBy(() -> ConnectorDefinitions.load("file:" + dir))
                .hasMessage(dir.resolve("bad.yaml") + ":7: actions[0].method: must be one of GET, POST, PUT, PATCH, DELETE");
    }

    @Test
    void missingLocations() {
        assertThatThrownBy(() -> ConnectorDefinitions.load("classpath:no-such-dir/"))
                .hasMessageContaining("classpath:no-such-dir/").hasMessageContaining("no such directory");
        assertThatThrownBy(() -> ConnectorDefinitions.load("classpath:none.yaml")).hasMessageContaining("no such resource");
        assertThatThrownBy(() -> ConnectorDefinitions.load("file:" + dir.resolve("none")))
                .hasMessageContaining("no such file or directory");
    }

    private static List<String> names(ConnectorDefinitions definitions) {
        return definitions.all().stream().map(ConnectorDefinition::name).toList();
    }

    private static String definition(String name) {
        return """
                name: %s
                baseUrl: https://%s.example.com
                authentication:
                  type: none
                actions:
                  - name: ping
                    method: GET
                    path: /ping
                """.formatted(name, name);
    }

    private static void entry(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        if (text != null) {
            OutputStream stream = out;
            stream.write(text.getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
    }
}
