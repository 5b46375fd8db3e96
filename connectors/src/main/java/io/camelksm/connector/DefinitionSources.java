package io.camelksm.connector;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import io.camelksm.connector.definition.ConnectorDefinitionException;

/** Finds the definition files of a location: a class path or file system directory or file. */
final class DefinitionSources {

    private static final String CLASSPATH = "classpath:";
    private static final String FILE = "file:";

    private DefinitionSources() {
    }

    static List<DefinitionSource> resolve(String location) {
        try {
            if (location.startsWith(CLASSPATH)) {
                return classPath(stripSlashes(location.substring(CLASSPATH.length())), location);
            }
            String path = location.startsWith(FILE) ? location.substring(FILE.length()) : location;
            return fileSystem(Path.of(path), location);
        } catch (IOException e) {
            throw new ConnectorDefinitionException(location, 0, "", "cannot read: " + e.getMessage(), e);
        }
    }

    private static List<DefinitionSource> fileSystem(Path path, String location) throws IOException {
        if (Files.isDirectory(path)) {
            List<DefinitionSource> sources = new ArrayList<>();
            try (Stream<Path> files = Files.list(path)) {
                for (Path file : files.filter(f -> isDefinition(f.getFileName().toString()) && Files.isRegularFile(f))
                        .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList()) {
                    sources.add(new DefinitionSource(file.toString(), Files.readString(file)));
                }
            }
            return sources;
        }
        if (!Files.isRegularFile(path)) {
            throw new ConnectorDefinitionException(location, 0, "", "no such file or directory");
        }
        return List.of(new DefinitionSource(path.toString(), Files.readString(path)));
    }

    private static List<DefinitionSource> classPath(String path, String location) throws IOException {
        ClassLoader loader = classLoader();
        if (isDefinition(path)) {
            URL url = loader.getResource(path);
            if (url == null) {
                throw new ConnectorDefinitionException(location, 0, "", "no such resource on the class path");
            }
            return List.of(new DefinitionSource(path, read(url)));
        }
        String directory = path.isEmpty() ? "" : path + "/";
        List<String> names = new ArrayList<>();
        Enumeration<URL> roots = loader.getResources(path);
        if (!roots.hasMoreElements()) {
            throw new ConnectorDefinitionException(location, 0, "", "no such directory on the class path");
        }
        for (URL root : Collections.list(roots)) {
            names.addAll(switch (root.getProtocol()) {
                case "file" -> fileNames(root);
                case "jar" -> jarNames((JarURLConnection) root.openConnection(), directory);
                default -> throw new ConnectorDefinitionException(location, 0, "",
                        "cannot list class path entries of protocol " + root.getProtocol());
            });
        }
        List<DefinitionSource> sources = new ArrayList<>();
        for (String name : names.stream().distinct().sorted().toList()) {
            sources.add(new DefinitionSource(directory + name, read(loader.getResource(directory + name))));
        }
        return sources;
    }

    private static List<String> fileNames(URL root) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(DefinitionSources::isDefinition).toList();
        } catch (URISyntaxException e) {
            throw new IOException("not a file URL: " + root, e);
        }
    }

    /** The definition files directly in the directory of a jar (not in its subdirectories). */
    private static List<String> jarNames(JarURLConnection connection, String directory) throws IOException {
        connection.setUseCaches(false);
        List<String> names = new ArrayList<>();
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (!entry.isDirectory() && name.startsWith(directory)) {
                    String rest = name.substring(directory.length());
                    if (!rest.contains("/") && isDefinition(rest)) {
                        names.add(rest);
                    }
                }
            }
        }
        return names;
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean isDefinition(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static String stripSlashes(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : DefinitionSources.class.getClassLoader();
    }
}
