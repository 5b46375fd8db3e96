package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.camelksm.KsmException;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.auth.oauth2.KsmTokenException;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialNotFoundException;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.CredentialUnavailableException;
import io.camelksm.testsupport.KsmCamelTestSupport;

/** Every kind of bad input fails with an error that says what was wrong, at route start or on the exchange. */
class KsmBadInputTest extends KsmCamelTestSupport {

    private static final String PASSWORD = "never-Sh0wn";
    private static final Instant EXPIRED_AT = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private static final Instant INVALID_SINCE = Instant.parse("2024-03-01T10:15:30Z");

    @Override
    protected RouteBuilder createRouteBuilder() {
        ksm.add(Credential.builder("General", CredentialType.GENERAL)
                .field(CredentialField.USERNAME, "u").value(CredentialField.PASSWORD, PASSWORD).build());
        ksm.add(Credential.builder("Gateway", CredentialType.DATA_GATEWAY)
                .field(CredentialField.USERNAME, "u").value(CredentialField.PASSWORD, PASSWORD).build());
        ksm.add(Credential.builder("OAuth", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "client").field(CredentialField.TOKEN_URL, "http://idp.example/token")
                .value(CredentialField.CLIENT_SECRET, PASSWORD).build());
        ksm.add(Credential.builder("Jwt", CredentialType.OAUTH2_JWT_BEARER)
                .field(CredentialField.ISSUER, "me").field(CredentialField.TOKEN_URL, "https://idp/token")
                .value(CredentialField.PRIVATE_KEY, PASSWORD).build());
        ksm.add(Credential.builder("Expired", CredentialType.BASIC)
                .field(CredentialField.USERNAME, "u").value(CredentialField.PASSWORD, PASSWORD)
                .expiresAt(EXPIRED_AT).build());
        ksm.add(Credential.builder("Invalid", CredentialType.BASIC)
                .field(CredentialField.USERNAME, "u").value(CredentialField.PASSWORD, PASSWORD)
                .invalidSince(INVALID_SINCE).build());
        ksm.add(Credential.builder("Colon", CredentialType.BASIC)
                .field(CredentialField.USERNAME, "dom:user").value(CredentialField.PASSWORD, PASSWORD).build());
        ksm.add(Credential.builder("BadToken", CredentialType.BEARER)
                .value(CredentialField.TOKEN, "abc def" + PASSWORD).build());
        for (String name : new String[] { "General", "Gateway", "OAuth", "Jwt", "Expired", "Invalid", "Colon",
                "BadToken", "Nowhere" }) {
            ksm.grantAnyone(name);
        }
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:unknown").to("ksm:Nowhere");
                from("direct:general").to("ksm:General");
                from("direct:gateway").to("ksm:Gateway?operation=authorize");
                from("direct:oauth").to("ksm:OAuth");
                from("direct:jwt").to("ksm:Jwt");
                from("direct:expired").to("ksm:Expired");
                from("direct:invalid").to("ksm:Invalid");
                from("direct:colon").to("ksm:Colon");
                from("direct:badToken").to("ksm:BadToken");
            }
        };
    }

    @Test
    void unknownCredentialFailsTheExchangeAndIsAudited() {
        Exchange out = template.request("direct:unknown", e -> { });

        assertThat(out.getException()).isInstanceOf(CredentialNotFoundException.class)
                .hasMessage("Unknown credential 'Nowhere'");
        assertThat(ksm.lastAudit().outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(ksm.lastAudit().credential()).isEqualTo("Nowhere");
    }

    @Test
    void authorizeOnGeneralOrDataGatewaySaysUseGet() {
        for (String route : new String[] { "direct:general", "direct:gateway" }) {
            Exchange out = template.request(route, e -> { });

            assertThat(out.getException()).isInstanceOf(KsmException.class)
                    .hasMessageContaining("have no authentication header")
                    .hasMessageContaining("use operation=get").hasMessageNotContaining(PASSWORD);
            assertThat(out.getMessage().getHeader("Authorization")).isNull();
        }
    }

    @Test
    void oauth2CredentialsThatCannotRequestATokenFailBeforeSendingAnything() {
        Exchange out = template.request("direct:oauth", e -> { });
        assertThat(out.getException()).isInstanceOf(KsmTokenException.class)
                .hasMessageStartingWith("Cannot request a token for credential 'OAuth': tokenUrl")
                .hasMessageContaining("plain http").hasMessageNotContaining(PASSWORD);
        assertThat(((KsmTokenException) out.getException()).getAttempts()).isZero();

        out = template.request("direct:jwt", e -> { });
        assertThat(out.getException()).isInstanceOf(KsmTokenException.class)
                .hasMessage("Cannot request a token for credential 'Jwt': RS256 needs a PKCS#8 PEM private key")
                .hasMessageNotContaining(PASSWORD);
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
    }

    @Test
    void oauth2OptionsOnOtherCredentialTypesAreRefused() {
        Exchange out = template.request("ksm:Colon?scope=read", e -> { });

        assertThat(out.getException()).isInstanceOf(KsmException.class)
                .hasMessageContaining("Credential 'Colon' is of type BASIC")
                .hasMessageContaining("scope, audience, resource and subject apply to OAUTH2_CLIENT_CREDENTIALS and"
                                      + " OAUTH2_JWT_BEARER credentials only");
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
    }

    @Test
    void oauth2OptionsApplyToAuthorizeOnly() {
        assertThatThrownBy(() -> context.getEndpoint("ksm:General?operation=get&scope=read"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("The option scope only applies to operation=authorize, not to operation=get");
        assertThatThrownBy(() -> context.getEndpoint("ksm:General?operation=set&evictTokenOn401=true"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("The option evictTokenOn401 only applies to operation=authorize");
    }

    @Test
    void expiredCredentialSaysSinceWhen() {
        Exchange out = template.request("direct:expired", e -> { });

        assertThat(out.getException()).isInstanceOf(CredentialUnavailableException.class)
                .hasMessage("Credential 'Expired' expired at " + EXPIRED_AT);
        assertThat(out.getMessage().getHeader("Authorization")).isNull();
        assertThat(ksm.lastAudit().outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(ksm.lastAudit().reason()).contains("expired at " + EXPIRED_AT);
    }

    @Test
    void invalidCredentialSaysSinceWhen() {
        Exchange out = template.request("direct:invalid", e -> { });

        assertThat(out.getException()).isInstanceOf(CredentialUnavailableException.class)
                .hasMessage("Credential 'Invalid' is marked invalid since 2024-03-01T10:15:30Z");
    }

    @Test
    void usernameWithAColonCannotBeBasic() {
        Exchange out = template.request("direct:colon", e -> { });

        assertThat(out.getException()).isInstanceOf(KsmException.class)
                .hasMessageContaining("username of credential 'Colon' contains ':'")
                .hasMessageNotContaining("dom:user").hasMessageNotContaining(PASSWORD);
    }

    @Test
    void malformedTokenIsRefusedWithoutShowingIt() {
        Exchange out = template.request("direct:badToken", e -> { });

        assertThat(out.getException()).isInstanceOf(KsmException.class)
                .hasMessageContaining("token of credential 'BadToken' is not a valid RFC 6750 bearer token")
                .hasMessageContaining("position 4").hasMessageNotContaining("abc").hasMessageNotContaining(PASSWORD);
    }

    @Test
    void unknownOperationNamesTheValue() {
        assertThatThrownBy(() -> context.getEndpoint("ksm:General?operation=fetch"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Error binding property (operation=fetch)")
                .rootCause().hasMessageContaining("fetch");
    }

    @Test
    void unknownOptionIsRefused() {
        assertThatThrownBy(() -> context.getEndpoint("ksm:General?passwrd=x"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("passwrd");
    }

    @Test
    void setPropertyWithoutPropertyNameFailsAtRouteStart() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:noPropertyName").routeId("noPropertyName").to("ksm:General?operation=setProperty");
            }
        })).isInstanceOf(FailedToCreateRouteException.class)
                .hasMessageContaining("noPropertyName")
                .rootCause().hasMessage("The option propertyName is required for operation=setProperty");
    }

    @Test
    void optionOfAnotherOperationIsRefused() {
        assertThatThrownBy(() -> context.getEndpoint("ksm:General?propertyName=x"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessage("The option propertyName only applies to operation=setProperty,"
                                        + " not to operation=authorize");
        assertThatThrownBy(() -> context.getEndpoint("ksm:General?operation=get&field=password"))
                .rootCause().hasMessage("The option field only applies to operation=set, not to operation=get");
    }

    @Test
    void malformedPropertyNameIsRefused() {
        assertThatThrownBy(() -> context.getEndpoint("ksm:General?operation=setProperty&propertyName=a b"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining("Property name 'a b' is malformed");
    }

    @Test
    void unknownFieldOptionIsRefused() {
        assertThatThrownBy(() -> context.getEndpoint("ksm:General?operation=set&field=pin"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining("Unknown field 'pin' in option field")
                .hasMessageContaining("password");
    }

    @Test
    void emptyHeaderNameIsRefused() {
        assertThatThrownBy(() -> context.getEndpoint("ksm:General?headerName= "))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessage("The option headerName is required for operation=authorize");
    }

    @Test
    void missingCredentialNameIsRefused() {
        // Camel's own URI check stops this one before the component sees it
        assertThatThrownBy(() -> context.getEndpoint("ksm:"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining("Expected scheme-specific part");
        assertThatThrownBy(() -> context.getEndpoint("ksm:?operation=get"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining("credential name is missing");
    }

    @Test
    void blankCredentialNameIsRefused() {
        assertThatThrownBy(() -> context.getEndpoint("ksm:%20"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining("credential name is missing");
    }

    @Test
    void malformedCredentialNameIsRefused() {
        for (String name : new String[] { "bad*name", "-leading", "semi;colon", "quote'name" }) {
            assertThatThrownBy(() -> context.getEndpoint("ksm:" + name)).as(name)
                    .isInstanceOf(ResolveEndpointFailedException.class)
                    .rootCause().hasMessageContaining("is malformed");
        }
    }

    @Test
    void tooLongCredentialNameIsRefused() {
        assertThatThrownBy(() -> context.getEndpoint("ksm:" + "a".repeat(200)))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining("longer than 128");
    }

    @Test
    void theKsmComponentCannotConsume() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ksm:General").to("log:x");
            }
        })).hasStackTraceContaining("only sends (producer)");
    }
}
