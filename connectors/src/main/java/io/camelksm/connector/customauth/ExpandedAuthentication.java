package io.camelksm.connector.customauth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.security.auth.Destroyable;

import io.camelksm.credential.Secret;

/**
 * The expanded templates of one call, by header, query parameter and body field name. Every value is a secret: it owns
 * them and wipes them in {@link #destroy()}; {@link #toString()} shows names only.
 */
public final class ExpandedAuthentication implements Destroyable {

    private final Map<String, Secret> headers = new LinkedHashMap<>();
    private final Map<String, Secret> query = new LinkedHashMap<>();
    private final Map<String, Secret> body = new LinkedHashMap<>();
    private volatile boolean destroyed;

    /** Empty; an authenticator fills the maps and hands the result (and the secrets' ownership) to the route. */
    public ExpandedAuthentication() {
    }

    public Map<String, Secret> headers() {
        return headers;
    }

    public Map<String, Secret> query() {
        return query;
    }

    public Map<String, Secret> body() {
        return body;
    }

    /** Every value, for masking. */
    public List<Secret> values() {
        List<Secret> all = new ArrayList<>(headers.values());
        all.addAll(query.values());
        all.addAll(body.values());
        return all;
    }

    @Override
    public void destroy() {
        destroyed = true;
        values().forEach(Secret::destroy);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "ExpandedAuthentication[headers=" + headers.keySet() + ", query=" + query.keySet() + ", body="
               + body.keySet() + "]";
    }
}
