package io.camelksm.component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.AsyncCallback;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.ExchangeHelper;

import io.camelksm.KsmException;
import io.camelksm.access.Caller;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.auth.AuthHeader;
import io.camelksm.auth.AuthHeaderBuilders;
import io.camelksm.auth.oauth2.AccessToken;
import io.camelksm.auth.oauth2.OAuth2TokenProvider;
import io.camelksm.auth.oauth2.TokenRequestOptions;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.CredentialType.Capability;
import io.camelksm.credential.Secret;
import io.camelksm.credential.SendTargets;

/**
 * Wires one request: endpoint, then {@link CallerResolver}, then {@link GovernedCredentials} (access check, audit,
 * store), then the header builder (for OAuth 2.0 credentials: the token provider) or field copy, then the exchange.
 * Access is decided and audited before any token is requested. Credentials read are wiped once used.
 */
public class KsmProducer extends DefaultAsyncProducer {

    private final TokenRequestOptions tokenRequestOptions;
    /** What {@code authorize} does with the lent credential; made once, as a capturing lambda would be per exchange. */
    private final Function<Credential, Authorized> authorizer = this::authorized;
    /** The credential's sendTo, parsed once per property value rather than on every exchange. */
    private final ParsedSendTargets sendTargets = new ParsedSendTargets();
    /** The token handle the last exchange got, shared by the next ones with the same token. */
    private volatile KsmOAuth2Token lastToken;
    /** The route this producer last registered its use for (see {@link RouteReferences}). */
    private volatile String registeredRoute;

    public KsmProducer(KsmEndpoint endpoint) {
        super(endpoint);
        this.tokenRequestOptions = endpoint.getConfiguration().tokenRequestOptions();
    }

    /** A credential that names no sendTo may be sent anywhere: said once per credential when a route starts. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        KsmEndpoint endpoint = getEndpoint();
        GovernedCredentials governed = endpoint.getComponent().getGovernedCredentials();
        if (endpoint.getConfiguration().getOperation() == KsmOperation.authorize && governed != null) {
            governed.warnIfUnbound(endpoint.getCredentialName(), "ksm:" + endpoint.getCredentialName());
        }
    }

    @Override
    public KsmEndpoint getEndpoint() {
        return (KsmEndpoint) super.getEndpoint();
    }

    /**
     * Completes synchronously: nothing here waits for I/O except a token request, which the calling thread makes
     * (callers that share a token wait for one request). Implemented as an async producer only to spare Camel the
     * adapter it wraps around synchronous ones on every exchange.
     */
    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        KsmEndpoint endpoint = getEndpoint();
        KsmConfiguration config = endpoint.getConfiguration();
        String routeId = ExchangeHelper.getRouteId(exchange);
        if (routeId != null && !routeId.equals(registeredRoute)) {
            endpoint.getComponent().routeUsed(endpoint, routeId); // once: a name chosen at run time is known now
            registeredRoute = routeId;
        }
        Caller caller = endpoint.getComponent().getCallerResolver().resolve(exchange, endpoint);
        Request request = new Request(endpoint.getComponent().getGovernedCredentials(), endpoint.getCredentialName(),
                config.getOperation().name(), caller, routeId);
        switch (config.getOperation()) {
            case authorize -> authorize(request, config, exchange);
            case get -> get(request, config, exchange);
            case set -> set(request, config, exchange.getMessage());
            case setProperty -> setProperty(request, config, exchange.getMessage());
        }
    }

    private void authorize(Request request, KsmConfiguration config, Exchange exchange) {
        Authorized authorized = request.use(authorizer);
        Message message = exchange.getMessage();
        String value = authorized.header().value();
        message.setHeader(config.getHeaderName(), value);
        message.setHeader(KsmConstants.CREDENTIAL_TYPE, authorized.type().name());
        if (authorized.targets() != null) { // the send guard checks where the header goes
            SentCredential.add(exchange, new SentCredential(authorized.name(), authorized.targets(),
                    config.getHeaderName(), value, request.caller(), request.governed()));
        }
        AccessToken token = authorized.header().accessToken().orElse(null);
        if (token != null) {
            remember(exchange, tokenOnExchange(authorized.name(), token, authorized.provider()),
                    config.isEvictTokenOn401());
        }
    }

    // the credential is lent, not copied: only the header built from it leaves the lease
    private Authorized authorized(Credential credential) {
        OAuth2TokenProvider provider = getEndpoint().getComponent().getOauth2TokenProvider();
        AuthHeader header = AuthHeaderBuilders.forCredential(credential, provider, tokenRequestOptions)
                .header(credential, getEndpoint().getConfiguration().isIncludeScheme());
        return new Authorized(credential.name(), credential.type(), header, provider, sendTargets.of(credential));
    }

    /**
     * The handle of the token for the exchange property. It is immutable, so the exchanges that carry the same cached
     * token share one.
     */
    private KsmOAuth2Token tokenOnExchange(CredentialName name, AccessToken token, OAuth2TokenProvider provider) {
        KsmOAuth2Token last = lastToken;
        if (last != null && last.isFor(name, token, provider)) {
            return last;
        }
        KsmOAuth2Token fresh = new KsmOAuth2Token(name, token, provider);
        lastToken = fresh;
        return fresh;
    }

    /** What {@code authorize} takes out of the lease: never the credential itself. */
    private record Authorized(CredentialName name, CredentialType type, AuthHeader header,
                              OAuth2TokenProvider provider, SendTargets targets) {
    }

    /** Keeps the token on the exchange, so the route (or the end of the exchange, after a 401) can evict it. */
    private static void remember(Exchange exchange, KsmOAuth2Token token, boolean evictOn401) {
        exchange.setProperty(KsmOAuth2.TOKEN_PROPERTY, token);
        if (evictOn401) {
            exchange.getExchangeExtension().addOnCompletion(token.evictOn401());
        }
    }

    private void get(Request request, KsmConfiguration config, Exchange exchange) {
        Credential credential = request.read();
        try {
            if (!credential.type().handsOverFields()) {
                throw new KsmException("Credential '" + credential.name() + "' is of type " + credential.type()
                        + ": operation=get hands over " + CredentialType.namesWith(Capability.FIELDS, "and")
                        + " credentials only; use operation=authorize to put its authentication header on the message");
            }
            KsmCredentialFields fields = KsmCredentialFields.of(credential);
            SendTargets targets = sendTargets.of(credential);
            if (targets != null) { // the route may put the values anywhere: the whole exchange is bound
                SentCredential.add(exchange, new SentCredential(credential.name(), targets, null, null,
                        request.caller(), request.governed()));
            }
            exchange.setProperty(config.getFieldsProperty(), fields);
            Message message = exchange.getMessage();
            message.setHeader(KsmConstants.CREDENTIAL_TYPE, credential.type().name());
            if (config.isFieldsAsHeaders()) {
                message.setHeader(KsmConstants.USERNAME, fields.getUsername());
                message.setHeader(KsmConstants.PASSWORD, fields.getPassword() == null ? null
                        : fields.getPassword().reveal());
                message.setHeader(KsmConstants.TARGET, fields.getTarget());
                Map<String, String> properties = new LinkedHashMap<>();
                fields.getProperties().forEach((name, p) -> properties.put(name, p.value().reveal()));
                message.setHeader(KsmConstants.PROPERTIES, properties);
            }
        } finally {
            credential.destroySecrets();
        }
    }

    private void set(Request request, KsmConfiguration config, Message message) {
        Map<CredentialField, Object> values;
        if (config.getField() != null) {
            CredentialField field = CredentialField.byName(config.getField()).orElseThrow();
            Secret value = IncomingValues.takeValue(message, request.name, "field " + field.fieldName());
            values = new LinkedHashMap<>();
            if (field.isSecret()) {
                values.put(field, value);
            } else {
                values.put(field, value.reveal());
                value.destroy();
            }
        } else {
            values = IncomingValues.takeFields(message, request.name);
        }
        try {
            Instant expiresAt = IncomingValues.takeExpiresAt(message, request.name);
            written(message, request.change(builder -> {
                values.forEach((field, value) -> {
                    if (value instanceof Secret secret) {
                        builder.secret(field, secret);
                    } else {
                        builder.field(field, (String) value);
                    }
                });
                return expiresAt == null ? builder : builder.expiresAt(expiresAt);
            }));
        } finally {
            values.values().stream().filter(Secret.class::isInstance).map(Secret.class::cast).forEach(Secret::destroy);
        }
    }

    private void setProperty(Request request, KsmConfiguration config, Message message) {
        Secret value = IncomingValues.takeValue(message, request.name, "property " + config.getPropertyName());
        try {
            CredentialProperty property = new CredentialProperty(config.getPropertyName(), value,
                    config.isPropertySecret());
            written(message, request.change(builder -> builder.property(property)));
        } finally {
            value.destroy();
        }
    }

    // the component's change listener on GovernedCredentials evicts the tokens of the credential written
    private static void written(Message message, Credential written) {
        message.setHeader(KsmConstants.CREDENTIAL_TYPE, written.type().name());
        message.setHeader(KsmConstants.CREDENTIAL_VERSION, written.version());
        written.destroySecrets();
    }

    /** One governed request: who asks for which credential, for what. */
    private record Request(GovernedCredentials governed, CredentialName name, String operation, Caller caller,
                           String routeId) {

        Credential read() {
            return governed.read(name, operation, caller, routeId);
        }

        <T> T use(Function<Credential, T> action) {
            return governed.use(name, operation, caller, routeId, action);
        }

        Credential change(UnaryOperator<Credential.Builder> change) {
            return governed.change(name, operation, caller, routeId, change);
        }
    }
}
