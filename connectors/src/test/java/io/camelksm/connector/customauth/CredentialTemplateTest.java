package io.camelksm.connector.customauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.Secret;

class CredentialTemplateTest {

    private static final String PASSWORD = "pa$$ w&rd=\"1\"";

    private static TemplateValues values() {
        return new TemplateValues("Weather", "bot-7", Secret.of(PASSWORD),
                Map.of("tag", CredentialProperty.secret("tag", Secret.of("tag-value"))), Secret.of("tok-9"));
    }

    @Test
    void literalTextAndTokensMix() {
        CredentialTemplate template = CredentialTemplate.parse("Token [Credential.Password] for [Credential.Username]",
                "authentication.custom.headers.Authorization");

        Secret value = template.expand(values());

        assertThat(value.reveal()).isEqualTo("Token " + PASSWORD + " for bot-7");
        assertThat(template.fields()).containsExactlyInAnyOrder(TemplateField.PASSWORD, TemplateField.USERNAME);
        assertThat(template).hasToString("Token [Credential.Password] for [Credential.Username]");
    }

    @Test
    void propertiesAndTheToken() {
        assertThat(CredentialTemplate.parse("[Credential.Property.tag]", "x").expand(values()).reveal())
                .isEqualTo("tag-value");
        assertThat(CredentialTemplate.parse("Bearer [Credential.Token]", "x").expand(values()).reveal())
                .isEqualTo("Bearer tok-9");
        CredentialTemplate property = CredentialTemplate.parse("[Credential.Property.tag]", "x");
        assertThat(property.propertyNames()).containsExactly("tag");
    }

    @Test
    void otherBracketsStayLiteral() {
        assertThat(CredentialTemplate.parse("[v1] [Credential.Username]", "x").expand(values()).reveal())
                .isEqualTo("[v1] bot-7");
        assertThat(CredentialTemplate.parse("plain", "x").fields()).isEmpty();
    }

    @Test
    void anUnknownTokenNamesItselfAndWhereItIs() {
        assertThatThrownBy(() -> CredentialTemplate.parse("[Credential.Secret]", "authentication.custom.query.key"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("authentication.custom.query.key: unknown token [Credential.Secret]; use one of"
                            + " [Credential.Username], [Credential.Password], [Credential.Property.<name>],"
                            + " [Credential.Token]");
        assertThatThrownBy(() -> CredentialTemplate.parse("[Credential.Property.]", "w"))
                .hasMessageContaining("unknown token [Credential.Property.]");
    }

    @Test
    void aMissingValueNamesTheFieldNeverAValue() {
        TemplateValues noToken = new TemplateValues("Weather", "bot-7", Secret.of(PASSWORD), Map.of(), null);

        assertThatThrownBy(() -> CredentialTemplate.parse("[Credential.Password]-[Credential.Token]", "x")
                .expand(noToken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Credential 'Weather' has no value for [Credential.Token]");
        assertThatThrownBy(() -> CredentialTemplate.parse("[Credential.Property.region]", "x").expand(noToken))
                .hasMessage("Credential 'Weather' has no value for [Credential.Property.region]");
    }

    @Test
    void destroyedValuesAreWiped() {
        TemplateValues values = values();
        values.destroy();

        assertThatThrownBy(() -> CredentialTemplate.parse("[Credential.Username]", "x").expand(values))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("bot-7");
    }

    @Test
    void expandingAllTemplatesGivesOwnedSecretsShownByNameOnly() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Api-Key", "[Credential.Password]");
        CustomAuthTemplates templates = CustomAuthTemplates.parse(headers, Map.of("account", "[Credential.Username]"),
                Map.of("client_tag", "[Credential.Property.tag]"), "authentication.custom");

        ExpandedAuthentication expanded = templates.expand(values());

        assertThat(expanded.headers().get("X-Api-Key").reveal()).isEqualTo(PASSWORD);
        assertThat(expanded.query().get("account").reveal()).isEqualTo("bot-7");
        assertThat(expanded.body().get("client_tag").reveal()).isEqualTo("tag-value");
        assertThat(expanded.toString()).doesNotContain(PASSWORD).doesNotContain("tag-value").contains("X-Api-Key");
        assertThat(templates.needsFields()).isTrue();
        assertThat(templates.needsToken()).isFalse();
        expanded.destroy();
        assertThat(expanded.values()).allMatch(Secret::isDestroyed);
    }

    @Test
    void scrubberMasksEveryFormOfAValue() {
        SecretScrubber scrubber = SecretScrubber.of(java.util.List.of(Secret.of(PASSWORD)));

        String text = "uri http://h/p?k=pa%24%24+w%26rd%3D%221%22 json {\"k\":\"pa$$ w&rd=\\\"1\\\"\"} raw " + PASSWORD;

        assertThat(scrubber.leaks(text)).isTrue();
        assertThat(scrubber.scrub(text)).isEqualTo("uri http://h/p?k=****** json {\"k\":\"******\"} raw ******");
    }
}
