package io.camelksm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.camelksm.credential.CredentialName;

/** The payload of a change notice: written by {@link ChangeNotice#payload} (and V11's triggers), read by parse. */
class ChangeNoticeTest {

    private static final CredentialName GRAPH = CredentialName.of("Graph API");

    @Test
    void aPayloadReadsBackAsTheNoticeItWasWrittenFor() {
        for (ChangeNotice.Kind kind : ChangeNotice.Kind.values()) {
            String key = kind == ChangeNotice.Kind.SCHEMES ? null : GRAPH.key();
            String payload = ChangeNotice.payload(kind, "ksm", key);

            assertThat(ChangeNotice.parse(payload, "ksm"))
                    .contains(new ChangeNotice(kind, kind == ChangeNotice.Kind.SCHEMES ? null : GRAPH));
        }
        assertThat(ChangeNotice.payload(ChangeNotice.Kind.CREDENTIAL, "ksm", GRAPH.key()))
                .as("the form V11's triggers build").isEqualTo("credential|3|ksm|graph api");
        assertThat(ChangeNotice.payload(ChangeNotice.Kind.SCHEMES, "ksm", null)).isEqualTo("schemes|3|ksm|");
    }

    @Test
    void anotherSchemasNoticeIsIgnored() {
        assertThat(ChangeNotice.parse("rights|3|ksm|graph", "ksm2")).isEmpty();
        assertThat(ChangeNotice.parse("rights|4|ksm2|graph", "ksm")).isEmpty();
        assertThat(ChangeNotice.parse("rights|3|KSM|graph", "ksm")).as("schema names are exact").isEmpty();
    }

    @Test
    void aSchemaContainingTheSeparatorIsReadByItsLength() {
        String schema = "a|b|rights|1|x";
        String payload = ChangeNotice.payload(ChangeNotice.Kind.RIGHTS, schema, "graph");

        assertThat(ChangeNotice.parse(payload, schema))
                .contains(new ChangeNotice(ChangeNotice.Kind.RIGHTS, CredentialName.of("graph")));
        assertThat(ChangeNotice.parse(payload, "a")).isEmpty();
        assertThat(ChangeNotice.parse(payload, "a|b")).isEmpty();
    }

    @Test
    void aNameIsEverythingAfterTheSchema() {
        // names cannot hold '|' today; whatever follows the schema is the name, and an impossible name is ignored
        assertThat(ChangeNotice.parse("credential|3|ksm|a|b", "ksm")).isEmpty();
        assertThat(ChangeNotice.parse("credential|3|ksm|a b", "ksm"))
                .contains(new ChangeNotice(ChangeNotice.Kind.CREDENTIAL, CredentialName.of("A B")));
    }

    @Test
    void unknownKindsAndMalformedPayloadsAreIgnored() {
        assertThat(ChangeNotice.parse("keys|3|ksm|graph", "ksm")).as("a newer node's kind").isEmpty();
        for (String malformed : new String[] { null, "", "rights", "rights|", "rights|3", "rights|x|ksm|graph",
            "rights|-1|ksm|graph", "rights|9|ksm|graph", "rights|3|ksm", "rights|3|ksmXgraph", "rights|3|ksm|",
            "credential|3|ksm|   " }) {
            assertThat(ChangeNotice.parse(malformed, "ksm")).as(String.valueOf(malformed)).isEqualTo(Optional.empty());
        }
    }
}
