package io.camelksm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The arrows between camel-ksm's packages that docs/architecture.md allows, checked on the sources of the main modules:
 * an import of another io.camelksm package must be in the table. Maven keeps the outside libraries apart (core has no
 * Camel, no Keeper SDK); this keeps the packages inside the modules layered, without a cycle.
 */
class PackageArrowsTest {

    private static final String ROOT = "io.camelksm";
    private static final Set<String> CORE_BELOW_RUNTIME = Set.of(ROOT, "credential", "crypto", "access", "audit",
            "governance", "auth", "auth.oauth2", "store.jdbc");

    /** package -> the io.camelksm packages it may import (besides itself). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry(ROOT, Set.of()),
            Map.entry("credential", Set.of(ROOT)),
            Map.entry("crypto", Set.of(ROOT, "credential")),
            Map.entry("access", Set.of(ROOT, "credential")),
            Map.entry("audit", Set.of(ROOT, "credential", "crypto", "access")),
            Map.entry("governance", Set.of(ROOT, "credential", "access", "audit")),
            Map.entry("auth.oauth2", Set.of(ROOT, "credential")),
            Map.entry("auth", Set.of(ROOT, "credential", "auth.oauth2")),
            Map.entry("store.jdbc", Set.of(ROOT, "credential", "crypto", "access", "audit", "auth.oauth2")),
            Map.entry("runtime", CORE_BELOW_RUNTIME),
            Map.entry("hsm", Set.of(ROOT, "credential", "crypto")),
            Map.entry("store.keeper", Set.of(ROOT, "credential", "hsm", "runtime")),
            Map.entry("component", union(CORE_BELOW_RUNTIME, Set.of("runtime"))),
            Map.entry("cli", union(CORE_BELOW_RUNTIME, Set.of("runtime", "hsm", "store.keeper"))),
            Map.entry("springboot", union(CORE_BELOW_RUNTIME, Set.of("runtime", "component"))),
            Map.entry("springboot.security", union(CORE_BELOW_RUNTIME, Set.of("runtime", "component", "springboot"))),
            Map.entry("springboot.metrics", union(CORE_BELOW_RUNTIME, Set.of("runtime", "component", "springboot"))),
            Map.entry("springboot.expiry", union(CORE_BELOW_RUNTIME, Set.of("runtime", "component", "springboot"))),
            Map.entry("connector.definition", Set.of()),
            Map.entry("connector", Set.of("connector.definition")),
            Map.entry("connector.customauth", union(CORE_BELOW_RUNTIME, Set.of("component", "connector.definition"))),
            Map.entry("connector.route", union(CORE_BELOW_RUNTIME, Set.of("runtime", "component", "connector",
                    "connector.definition", "connector.customauth"))),
            Map.entry("springboot.connector", union(CORE_BELOW_RUNTIME, Set.of("runtime", "component", "springboot",
                    "connector", "connector.definition", "connector.route"))));

    private static final Pattern PACKAGE = Pattern.compile("^package (io\\.camelksm[\\w.]*);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(io\\.camelksm[\\w.]*?)\\.[A-Z]\\w*[\\w.*]*;",
            Pattern.MULTILINE);

    @Test
    void everyImportBetweenPackagesIsAnAllowedArrow() throws IOException {
        List<String> violations = new ArrayList<>();
        Set<String> packagesSeen = new TreeSet<>();
        for (String module : List.of("camel-ksm-core", "camel-ksm-keeper", "camel-ksm-component", "camel-ksm-cli",
                "camel-ksm-starter", "connectors")) {
            Path sources = Path.of("..", module, "src", "main", "java");
            assertThat(sources).as("sources of " + module).isDirectory();
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> check(f, packagesSeen, violations));
            }
        }
        assertThat(packagesSeen).as("every package has a row in the table").allMatch(ALLOWED::containsKey);
        assertThat(violations).as("imports that docs/architecture.md does not allow").isEmpty();
    }

    @Test
    void theTableItselfHasNoCycle() {
        for (String start : ALLOWED.keySet()) {
            assertThat(reachable(start, new TreeSet<>())).as("packages reachable from " + start)
                    .doesNotContain(start);
        }
    }

    private static Set<String> reachable(String from, Set<String> seen) {
        for (String next : ALLOWED.getOrDefault(from, Set.of())) {
            if (seen.add(next)) {
                reachable(next, seen);
            }
        }
        return seen;
    }

    private static void check(Path file, Set<String> packagesSeen, List<String> violations) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher p = PACKAGE.matcher(source);
        if (!p.find()) {
            return;
        }
        String own = shortName(p.group(1));
        packagesSeen.add(own);
        Matcher i = IMPORT.matcher(source);
        while (i.find()) {
            String target = shortName(i.group(1));
            if (!target.equals(own) && !ALLOWED.getOrDefault(own, Set.of()).contains(target)) {
                violations.add(own + " -> " + target + " (" + file.getFileName() + ")");
            }
        }
    }

    private static String shortName(String fullPackage) {
        return fullPackage.equals(ROOT) ? ROOT : fullPackage.substring(ROOT.length() + 1);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
