package io.camelksm.auth.oauth2;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

import io.camelksm.credential.CredentialName;
import io.camelksm.credential.Secret;

/**
 * One token request, ready to send: where to ({@link #tokenUrl()}: the credential's token URL, or an override its
 * allowed hosts accept), the form parameters and the optional {@code Authorization} header. It owns copies of the
 * secrets it carries and wipes them in {@link #destroy()}; {@link #toString()} masks them.
 */
public final class TokenRequest {

    /** A form parameter; secret ones (client secret, assertions) are masked and used to scrub server messages. */
    public record FormParameter(String name, Secret value, boolean secret) {

        public FormParameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value of " + name);
        }

        /** A plain parameter, shown in {@link TokenRequest#toString()}. */
        static FormParameter plain(String name, String value) {
            return new FormParameter(name, Secret.of(value), false);
        }

        @Override
        public String toString() {
            return name + "=" + (secret ? "******" : value.reveal());
        }
    }

    private final CredentialName credentialName;
    private final URI tokenUrl;
    private final String grantType;
    private final List<FormParameter> form;
    private final Secret authorization;
    private final List<Secret> otherSecrets;
    private final String requestedScope;

    TokenRequest(CredentialName credentialName, URI tokenUrl, String grantType, List<FormParameter> form,
                 Secret authorization, List<Secret> otherSecrets, String requestedScope) {
        this.credentialName = Objects.requireNonNull(credentialName, "credentialName");
        this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
        this.grantType = Objects.requireNonNull(grantType, "grantType");
        this.form = List.copyOf(form);
        this.authorization = authorization;
        this.otherSecrets = List.copyOf(otherSecrets);
        this.requestedScope = requestedScope;
    }

    public CredentialName credentialName() {
        return credentialName;
    }

    public URI tokenUrl() {
        return tokenUrl;
    }

    /** The token URL without query or user info, fit for messages and logs. */
    public String displayUrl() {
        return displayUrl(tokenUrl);
    }

    static String displayUrl(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
               + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    public String grantType() {
        return grantType;
    }

    public List<FormParameter> form() {
        return form;
    }

    /** The value of a form parameter, for checks and tests. */
    public Optional<FormParameter> formParameter(String name) {
        return form.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The {@code Authorization} header value ({@code client_secret_basic}), if any. */
    public Optional<Secret> authorization() {
        return Optional.ofNullable(authorization);
    }

    /** The scope asked for, if any. */
    public Optional<String> requestedScope() {
        return Optional.ofNullable(requestedScope);
    }

    /**
     * The body as {@code application/x-www-form-urlencoded} UTF-8 bytes (RFC 6749 Appendix B). Wipe the array once
     * sent.
     */
    public byte[] encodeForm() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        boolean first = true;
        for (FormParameter p : form) {
            if (!first) {
                out.write('&');
            }
            first = false;
            out.writeBytes(URLEncoder.encode(p.name(), StandardCharsets.UTF_8).getBytes(StandardCharsets.US_ASCII));
            out.write('=');
            out.writeBytes(URLEncoder.encode(p.value().reveal(), StandardCharsets.UTF_8)
                    .getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    /** Every secret this request carries, to scrub from anything the server sends back. */
    List<Secret> secrets() {
        List<Secret> all = new ArrayList<>(otherSecrets);
        if (authorization != null) {
            all.add(authorization);
        }
        form.stream().filter(FormParameter::secret).map(FormParameter::value).forEach(all::add);
        return all;
    }

    /** Wipes every secret this request owns. */
    public void destroy() {
        secrets().forEach(Secret::destroy);
        form.forEach(p -> p.value().destroy());
    }

    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "TokenRequest[", "]");
        out.add("credential=" + credentialName).add("url=" + displayUrl()).add("form=" + form);
        if (authorization != null) {
            out.add("authorization=******");
        }
        return out.toString();
    }

    static void wipe(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
