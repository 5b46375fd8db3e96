package io.camelksm.component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.health.HealthCheckResultBuilder;

import io.camelksm.governance.CredentialExpiry;
import io.camelksm.governance.ExpiryWatch;
import io.camelksm.runtime.KsmRuntime;

/**
 * Camel readiness check {@code camel-ksm/ksm-expiry} over the credentials in use (read by a route or a process since
 * the start): UP while none has expired, with the detail {@code expiry.lapsing} listing those that lapse within
 * expiryWarning (name and expiry instant) as the warning; DOWN once one in use has expired, since every request for it
 * is refused until it is renewed. Names and instants only, never a value. Not a liveness check: a restart renews
 * nothing.
 */
final class KsmExpiryHealthCheck extends KsmReadinessCheck {

    static final String ID = "ksm-expiry";

    private final KsmComponent component;

    KsmExpiryHealthCheck(KsmComponent component) {
        super(ID);
        this.component = component;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this);
        KsmRuntime runtime = component.runtime();
        if (runtime == null) {
            return result.message("not started").up().build();
        }
        ExpiryWatch watch = runtime.expiries();
        Instant now = watch.now();
        List<CredentialExpiry> lapsing = watch.lapsing();
        List<CredentialExpiry> expired = lapsing.stream().filter(e -> e.isExpired(now)).toList();
        List<CredentialExpiry> soon = lapsing.stream().filter(e -> !e.isExpired(now)).toList();
        result.detail("expiry.warning.days", watch.warning().toDays()).detail("expiry.inUse", watch.inUse().size());
        if (!soon.isEmpty()) {
            result.detail("expiry.lapsing", list(soon));
        }
        if (!expired.isEmpty()) {
            result.detail("expiry.expired", list(expired));
            return result.message(expired.size() + " credential(s) in use expired: " + list(expired)).down().build();
        }
        return result.message(soon.isEmpty() ? "no credential in use lapses within "
                                               + watch.warning().toDays() + " days"
                                             : soon.size() + " credential(s) in use lapse soon: " + list(soon))
                .up().build();
    }

    private static String list(List<CredentialExpiry> expiries) {
        return expiries.stream().map(CredentialExpiry::toString).collect(Collectors.joining(", "));
    }
}
