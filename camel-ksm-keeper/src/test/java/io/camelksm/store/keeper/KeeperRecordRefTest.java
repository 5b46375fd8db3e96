package io.camelksm.store.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.camelksm.credential.Secret;
import io.camelksm.store.keeper.KeeperNotation.Section;

/** Record references and Keeper notation: parsing, and resolving against a record already fetched. */
class KeeperRecordRefTest {

    private static final String UID = "9UoR7lVRv2ZtsUNgmyMarg";

    @Test
    void bareUidOrSchemeRefersToTheWholeRecord() {
        assertThat(KeeperRecordRef.parse(UID)).isEqualTo(KeeperRecordRef.record(UID));
        assertThat(KeeperRecordRef.parse("  keeper://" + UID + " ")).isEqualTo(KeeperRecordRef.record(UID));
        assertThat(KeeperRecordRef.parse("KEEPER://" + UID).selectorIfAny()).isEmpty();
        assertThat(KeeperRecordRef.record(UID)).hasToString("keeper://" + UID);
    }

    @Test
    void fieldNotations() {
        assertThat(KeeperRecordRef.parse("keeper://" + UID + "/field/password").selector())
                .isEqualTo(new KeeperNotation(Section.FIELD, "password", null, null));
        assertThat(KeeperRecordRef.parse(UID + "/custom_field/API Token").selector())
                .isEqualTo(new KeeperNotation(Section.CUSTOM_FIELD, "API Token", null, null));
        assertThat(KeeperRecordRef.parse(UID + "/field/keyPair[privateKey]").selector())
                .isEqualTo(new KeeperNotation(Section.FIELD, "keyPair", null, "privateKey"));
        assertThat(KeeperRecordRef.parse(UID + "/field/url[1]").selector())
                .isEqualTo(new KeeperNotation(Section.FIELD, "url", 1, null));
        assertThat(KeeperRecordRef.parse(UID + "/field/host[0][hostName]").selector())
                .isEqualTo(new KeeperNotation(Section.FIELD, "host", 0, "hostName"));
        assertThat(KeeperRecordRef.parse(UID + "/notes").selector())
                .isEqualTo(new KeeperNotation(Section.NOTES, null, null, null));
        assertThat(KeeperRecordRef.parse(UID + "/title").selector().section()).isEqualTo(Section.TITLE);
    }

    @Test
    void escapedLabelsRoundTrip() {
        KeeperRecordRef ref = KeeperRecordRef.parse(UID + "/custom_field/a\\/b\\[c\\]");
        assertThat(ref.selector().name()).isEqualTo("a/b[c]");
        assertThat(ref).hasToString("keeper://" + UID + "/custom_field/a\\/b\\[c\\]");
        assertThat(KeeperRecordRef.parse(ref.toString())).isEqualTo(ref);
    }

    @Test
    void titlesAreRefusedBecauseKeeperThrottlesTitleLookUps() {
        assertThatThrownBy(() -> KeeperRecordRef.parse("keeper://My Login/field/password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'My Login' is not a Keeper record UID").hasMessageContaining("not by title");
    }

    @Test
    void malformedNotationsSayWhatIsWrong() {
        assertThatThrownBy(() -> KeeperRecordRef.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> KeeperRecordRef.parse(UID + "/fields/password"))
                .hasMessageContaining("unknown section 'fields'");
        assertThatThrownBy(() -> KeeperRecordRef.parse(UID + "/file/cert.pem"))
                .hasMessageContaining("file attachments are not supported");
        assertThatThrownBy(() -> KeeperRecordRef.parse(UID + "/field"))
                .hasMessageContaining("needs exactly one field name");
        assertThatThrownBy(() -> KeeperRecordRef.parse(UID + "/field/"))
                .hasMessageContaining("needs a field name");
        assertThatThrownBy(() -> KeeperRecordRef.parse(UID + "/notes/x")).hasMessageContaining("takes no field name");
        assertThatThrownBy(() -> KeeperRecordRef.parse(UID + "/field/url[]"))
                .hasMessageContaining("'[]' (all values)");
        assertThatThrownBy(() -> KeeperRecordRef.parse(UID + "/field/url[0"))
                .hasMessageContaining("'[' without ']'");
        assertThatThrownBy(() -> KeeperRecordRef.parse(UID + "/field/host[0][a][b]"))
                .hasMessageContaining("at most [index][part]");
        assertThatThrownBy(() -> KeeperRecordRef.parse(UID + "/field/host[x][a]"))
                .hasMessageContaining("'[x]' is not a value index");
        assertThatThrownBy(() -> KeeperRecordRef.parse(UID + "/field/host[0]x"))
                .hasMessageContaining("unexpected text after ']'");
    }

    @Test
    void resolvesLocallyByTypeThenLabelForFieldsAndByLabelThenTypeForCustomFields() {
        KeeperRecordView record = new KeeperRecordView(UID, "T", "login", 3,
                List.of(field("login", null, "user"), field("password", "pw-label", "pw"),
                        field("url", null, "https://a", "https://b")),
                List.of(field("secret", "token", "custom-token"), field("text", "password", "custom-password")),
                Secret.of("the notes"));

        assertThat(resolve(record, "field/password")).isEqualTo("pw");
        assertThat(resolve(record, "field/pw-label")).as("by label when no type matches").isEqualTo("pw");
        assertThat(resolve(record, "field/url[1]")).isEqualTo("https://b");
        assertThat(resolve(record, "custom_field/password")).isEqualTo("custom-password");
        assertThat(resolve(record, "custom_field/secret")).as("by type when no label matches")
                .isEqualTo("custom-token");
        assertThat(resolve(record, "notes")).isEqualTo("the notes");
        assertThat(resolve(record, "title")).isEqualTo("T");
        assertThat(resolve(record, "type")).isEqualTo("login");
    }

    @Test
    void complexValuesNeedAPart() {
        KeeperRecordView record = new KeeperRecordView(UID, "T", "sshKeys", 1,
                List.of(new KeeperField("keyPair", null, List.of(KeeperFieldValue.parts(java.util.Map.of(
                        "privateKey", Secret.of("PRIV")))))), List.of(), null);
        assertThat(resolve(record, "field/keyPair[privateKey]")).isEqualTo("PRIV");
        assertThatThrownBy(() -> resolve(record, "field/keyPair"))
                .isInstanceOf(KeeperRecordMappingException.class).hasMessageContaining("select one")
                .hasMessageContaining("[privateKey]").hasMessageNotContaining("PRIV'");
        assertThatThrownBy(() -> resolve(record, "field/keyPair[publicKey]"))
                .hasMessageContaining("no part 'publicKey'");
        assertThatThrownBy(() -> resolve(record, "notes")).hasMessageContaining("no notes");
    }

    private static KeeperField field(String type, String label, String... values) {
        return new KeeperField(type, label, java.util.Arrays.stream(values)
                .map(v -> KeeperFieldValue.text(Secret.of(v))).toList());
    }

    private static String resolve(KeeperRecordView record, String notation) {
        Secret s = KeeperRecordRef.parse(UID + "/" + notation).selector().resolve(record);
        try {
            return s.reveal();
        } finally {
            s.destroy();
        }
    }
}
