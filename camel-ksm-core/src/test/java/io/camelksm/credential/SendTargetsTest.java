package io.camelksm.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SendTargetsTest {

    private final SendTargets targets = SendTargets.parse(
            "api.github.com, graph.microsoft.com/v1.0/\thttp://127.0.0.1:8089/api/ Bücher.example http://[::1]:9000");

    @Test
    void entriesAreNormalised() {
        assertThat(targets.targets()).containsExactly("https://api.github.com", "https://graph.microsoft.com/v1.0/",
                "http://127.0.0.1:8089/api/", "https://xn--bcher-kva.example", "http://[0:0:0:0:0:0:0:1]:9000");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://api.github.com/repos/x", "https://API.GITHUB.COM./user", "https://api.github.com:443",
            "https://graph.microsoft.com/v1.0", "https://graph.microsoft.com/v1.0/me?$select=id",
            "http://127.0.0.1:8089/api/orders", "https://bücher.example/x", "https://xn--bcher-kva.example:443/",
            "http://[::1]:9000/x", "http://[0:0:0:0:0:0:0:1]:9000/", "https://api.github.com/a/../b" })
    void allowsTheBoundTargetsHoweverWritten(String url) {
        assertThat(targets.refusal(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://api.github.com.attacker.example/", "https://attacker.example/api.github.com",
            "https://attacker.example?api.github.com", "http://api.github.com/", "https://api.github.com:8443/",
            "https://graph.microsoft.com/v1.00/me", "https://graph.microsoft.com/beta/me", "https://graph.microsoft.com/",
            "http://127.0.0.1:8089/apis", "http://127.0.0.1:8090/api/", "https://127.0.0.1:8089/api/",
            "http://localhost:8089/api/", "http://[::2]:9000/", "https://buecher.example/" })
    void refusesEveryOtherTarget(String url) {
        assertThat(targets.refusal(url)).get().extracting(SendTargets.Refusal::reason).asString()
                .contains("is not one of the credential's sendTo");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://graph.microsoft.com/v1.0/../beta/me", "https://graph.microsoft.com/v1.0/./x",
            "https://graph.microsoft.com/v1.0/..", "https://graph.microsoft.com/v1.0/%2e%2e/beta",
            "https://graph.microsoft.com/v1.0/%2E./beta", "https://graph.microsoft.com/v1.0%2fme",
            "https://graph.microsoft.com/v1.0/x%5C..%5Cbeta", "https://graph.microsoft.com/v1.0/x%2F..%2Fbeta" })
    void aBoundPathRefusesDotSegmentsAndEncodedSeparators(String url) {
        assertThat(targets.refusal(url)).get().extracting(SendTargets.Refusal::reason).asString()
                .contains("dot segments");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://user@api.github.com/", "https://api.github.com:pw@attacker.example/",
            "https://api.github.com@attacker.example/" })
    void aUrlNamingAUserIsRefused(String url) {
        assertThat(targets.refusal(url)).isPresent();
        assertThat(targets.refusal(url).orElseThrow().reason()).doesNotContain("pw");
    }

    @ParameterizedTest
    @ValueSource(strings = { "not a url", "/relative/path", "ftp://api.github.com/", "https://", "" })
    void malformedOrNonHttpUrlsAreRefused(String url) {
        assertThat(targets.refusal(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://bücher.example:x/", "https://bücher.example:99999999999/" })
    void aMalformedPortIsARefusalNotAnException(String url) {
        assertThat(targets.refusal(url)).get().extracting(SendTargets.Refusal::reason).asString()
                .contains("malformed port");
    }

    @Test
    void theRefusalNamesTheHostNeverTheQuery() {
        SendTargets.Refusal refusal = targets.refusal("https://evil.example/p?api_key=s3cr3t").orElseThrow();
        assertThat(refusal.host()).isEqualTo("evil.example");
        assertThat(refusal.reason()).contains("'https://evil.example'").doesNotContain("s3cr3t").doesNotContain("/p");
    }

    @Test
    void theCredentialPropertyIsFoundInAnyCase() {
        Credential credential = Credential.builder("Git", CredentialType.BEARER).value(CredentialField.TOKEN, "t")
                .property(CredentialProperty.plain("SENDTO", "api.github.com")).build();
        assertThat(SendTargets.of(credential)).get().extracting(SendTargets::targets)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly("https://api.github.com");
        assertThat(SendTargets.of(Credential.builder("Other", CredentialType.BEARER)
                .value(CredentialField.TOKEN, "t").build())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { " , ", "user@api.github.com", "ftp://api.github.com", "api.github.com/a/../b",
            "api.github.com/%2e%2e/", "api.github.com?x=1", "*.github.com", "https://", "[zz::1]" })
    void malformedEntriesAreRefused(String list) {
        assertThatThrownBy(() -> SendTargets.parse(list)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sendTo");
    }
}
