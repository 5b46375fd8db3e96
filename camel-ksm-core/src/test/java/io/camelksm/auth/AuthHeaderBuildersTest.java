package io.camelksm.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.camelksm.KsmException;
import io.camelksm.auth.oauth2.OAuth2Settings;
import io.camelksm.auth.oauth2.OAuth2TokenProvider;
import io.camelksm.auth.oauth2.TokenRequestOptions;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialType;

class AuthHeaderBuildersTest {

    @Test
    void basicAndBearerHaveBuilders() {
        assertThat(AuthHeaderBuilders.forType(CredentialType.BASIC)).isInstanceOf(BasicAuthHeader.class)
                .extracting(AuthHeaderBuilder::scheme).isEqualTo("Basic");
        assertThat(AuthHeaderBuilders.forType(CredentialType.BEARER)).isInstanceOf(BearerAuthHeader.class)
                .extracting(AuthHeaderBuilder::scheme).isEqualTo("Bearer");
    }

    @Test
    void oauth2TypesNeedATokenProvider() {
        assertThatThrownBy(() -> AuthHeaderBuilders.forType(CredentialType.OAUTH2_CLIENT_CREDENTIALS))
                .isInstanceOf(KsmException.class).hasMessageStartingWith("OAUTH2_CLIENT_CREDENTIALS credentials are"
                                                                         + " exchanged for access tokens");
        assertThatThrownBy(() -> AuthHeaderBuilders.forType(CredentialType.OAUTH2_JWT_BEARER))
                .isInstanceOf(KsmException.class).hasMessageContaining("needs an OAuth2TokenProvider");
        Credential graph = oauth2();
        assertThatThrownBy(() -> AuthHeaderBuilders.forCredential(graph, null, TokenRequestOptions.none()))
                .isInstanceOf(KsmException.class).hasMessageStartingWith("Credential 'Graph' is of type"
                                                                         + " OAUTH2_CLIENT_CREDENTIALS, but no OAuth2TokenProvider");
    }

    @Test
    void oauth2TypesGetTheProvidersBuilder() {
        try (OAuth2TokenProvider provider = OAuth2TokenProvider.create(OAuth2Settings.defaults())) {
            AuthHeaderBuilder builder = AuthHeaderBuilders.forCredential(oauth2(), provider,
                    TokenRequestOptions.scope("read"));
            assertThat(builder).isInstanceOf(OAuth2AuthHeader.class).extracting(AuthHeaderBuilder::scheme)
                    .isEqualTo("Bearer");
        }
    }

    @Test
    void otherTypesIgnoreTheProviderButRefuseTokenOptions() {
        Credential basic = Credential.builder("Crm", CredentialType.BASIC).field(CredentialField.USERNAME, "u")
                .value(CredentialField.PASSWORD, "p").build();
        assertThat(AuthHeaderBuilders.forCredential(basic, null, TokenRequestOptions.none()))
                .isInstanceOf(BasicAuthHeader.class);
        assertThat(AuthHeaderBuilders.forCredential(basic, null, null).header(basic, true).accessToken()).isEmpty();
        assertThatThrownBy(() -> AuthHeaderBuilders.forCredential(basic, null,
                TokenRequestOptions.none().withAudience("x"))).isInstanceOf(KsmException.class)
                .hasMessageContaining("apply to OAUTH2_CLIENT_CREDENTIALS and OAUTH2_JWT_BEARER credentials only");
    }

    private static Credential oauth2() {
        return Credential.builder("Graph", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "c").value(CredentialField.CLIENT_SECRET, "s")
                .field(CredentialField.TOKEN_URL, "https://idp.example/token").build();
    }

    @Test
    void fieldTypesPointToOperationGet() {
        for (CredentialType type : new CredentialType[] { CredentialType.GENERAL, CredentialType.DATA_GATEWAY }) {
            assertThatThrownBy(() -> AuthHeaderBuilders.forType(type)).isInstanceOf(KsmException.class)
                    .hasMessageContaining(type + " credentials have no authentication header")
                    .hasMessageContaining("use operation=get");
        }
    }

    /** The capability decides: a header type has its builder, the others say what to do instead. */
    @Test
    void everyHeaderTypeHasABuilderAndNoOtherTypeHasOne() {
        for (CredentialType type : CredentialType.values()) {
            if (type.capability() == CredentialType.Capability.AUTH_HEADER) {
                assertThat(AuthHeaderBuilders.forType(type)).as(type.name()).isNotNull();
            } else {
                assertThatThrownBy(() -> AuthHeaderBuilders.forType(type)).as(type.name())
                        .isInstanceOf(KsmException.class);
            }
        }
    }

    @Test
    void everyTypeIsDecided() {
        for (CredentialType type : CredentialType.values()) {
            try {
                assertThat(AuthHeaderBuilders.forType(type)).isNotNull();
            } catch (KsmException e) {
                assertThat(e.getMessage()).startsWith(type.name());
            }
        }
    }
}
