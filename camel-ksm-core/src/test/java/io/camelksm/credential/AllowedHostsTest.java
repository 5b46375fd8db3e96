package io.camelksm.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedHostsTest {

    private final AllowedHosts hosts = AllowedHosts.parse("login.example.com, Bücher.example\tidp.example.org");

    @Test
    void hostsAreNormalisedToLowerCaseAscii() {
        assertThat(hosts.hosts()).containsExactly("idp.example.org", "login.example.com", "xn--bcher-kva.example");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://login.example.com/token", "https://LOGIN.EXAMPLE.COM/token",
            "https://login.example.com:8443/a/b?x=1", "https://login.example.com./token",
            "https://xn--bcher-kva.example/token", "https://bücher.example/token", "https://BÜCHER.example/token" })
    void allowsTheNamedHostsHoweverWritten(String url) {
        assertThat(hosts.allows(url)).isTrue();
        hosts.check(url);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://login.example.com.attacker.example/token", "https://attacker.example/token",
            "https://login.example.com@attacker.example/token", "https://attacker.example/login.example.com",
            "https://attacker.example?login.example.com", "https://example.com/token", "https://sub.login.example.com/",
            "https://buecher.example/token" })
    void refusesEveryOtherHostWhatPrefixOrTextItContains(String url) {
        assertThat(hosts.allows(url)).isFalse();
        assertThatThrownBy(() -> hosts.check(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not one of the credential's allowedHosts");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://login.example.com\\@attacker.example/", "https://%6cogin.example.com/", "https://",
            "not a url" })
    void refusesMalformedUrls(String url) {
        assertThatThrownBy(() -> hosts.check(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCredentialPropertyIsFoundInAnyCase() {
        Credential credential = Credential.builder("Graph", CredentialType.BEARER).value(CredentialField.TOKEN, "t")
                .property(CredentialProperty.plain("ALLOWEDHOSTS", "login.example.com")).build();

        assertThat(AllowedHosts.of(credential)).get().extracting(AllowedHosts::hosts)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.ITERABLE)
                .containsExactly("login.example.com");
        assertThat(AllowedHosts.of(Credential.builder("Other", CredentialType.BEARER)
                .value(CredentialField.TOKEN, "t").build())).isEmpty();
    }

    @Test
    void anEmptyOrMalformedListIsRefused() {
        assertThatThrownBy(() -> AllowedHosts.parse(" , ")).hasMessage("property allowedHosts names no host");
        assertThatThrownBy(() -> AllowedHosts.parse("login.example.com/path"))
                .hasMessageContaining("malformed host name 'login.example.com/path'");
        assertThatThrownBy(() -> AllowedHosts.parse("*.example.com")).hasMessageContaining("malformed");
    }
}
