package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The option tables of ksm-component.adoc are the catalog's (ksm.json), not written by hand: this renders them from
 * the generated ksm.json and fails when the adoc differs. Run it with {@code -Dksm.docs.update=true} to rewrite them.
 */
class KsmComponentDocTest {

    private static final Path ADOC = Path.of("src/main/docs/ksm-component.adoc");
    private static final String HOW_TO_UPDATE = "The option tables of " + ADOC + " differ from ksm.json: regenerate them"
            + " with mvn -o -q -pl camel-ksm-component -am test -Dtest=KsmComponentDocTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dksm.docs.update=true";

    @Test
    void theOptionTablesOfTheDocsAreRenderedFromTheCatalog() throws Exception {
        JsonObject catalog = KsmComponentOptionsTest.catalog();
        String adoc = Files.readString(ADOC, StandardCharsets.UTF_8);

        String rendered = KsmOptionTables.replace(adoc, "component", catalog.getMap("componentProperties"));
        rendered = KsmOptionTables.replace(rendered, "endpoint", catalog.getMap("properties"));

        if (Boolean.getBoolean("ksm.docs.update")) {
            Files.writeString(ADOC, rendered, StandardCharsets.UTF_8);
            adoc = Files.readString(ADOC, StandardCharsets.UTF_8);
        }
        assertThat(adoc).as(HOW_TO_UPDATE).isEqualTo(rendered);
    }
}
