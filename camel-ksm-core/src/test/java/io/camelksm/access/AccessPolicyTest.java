package io.camelksm.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy();
    private final Caller caller = new Caller("bob", Set.of("bots", "finance"), "invoiceRoute", "node-1", "ex-1");

    private static AccessRights rights(Restriction roles, Restriction processes, Restriction resources) {
        return new AccessRights(roles, processes, resources);
    }

    @Test
    void denyAllDeniesEveryDimension() {
        AccessDecision decision = policy.decide(AccessRights.DENY_ALL, caller);
        assertThat(decision.granted()).isFalse();
        assertThat(decision.failed()).containsExactly(Dimension.ROLE, Dimension.PROCESS, Dimension.RESOURCE);
    }

    @Test
    void grantsWhenAllThreeAllow() {
        AccessDecision decision = policy.decide(rights(Restriction.of(Set.of("finance")),
                Restriction.of(Set.of("invoiceRoute")), Restriction.of(Set.of("node-1"))), caller);
        assertThat(decision.granted()).isTrue();
        assertThat(decision.failed()).isEmpty();
    }

    @Test
    void restrictionsAreAndCombined() {
        AccessDecision wrongProcess = policy.decide(rights(Restriction.ANY, Restriction.of(Set.of("otherRoute")),
                Restriction.ANY), caller);
        assertThat(wrongProcess.granted()).isFalse();
        assertThat(wrongProcess.failed()).containsExactly(Dimension.PROCESS);
        assertThat(wrongProcess.reason()).contains("process 'invoiceRoute'", "otherRoute");

        AccessDecision wrongResource = policy.decide(rights(Restriction.ANY, Restriction.ANY,
                Restriction.of(Set.of("node-2"))), caller);
        assertThat(wrongResource.failed()).containsExactly(Dimension.RESOURCE);

        AccessDecision wrongRole = policy.decide(rights(Restriction.of(Set.of("admins")), Restriction.ANY,
                Restriction.ANY), caller);
        assertThat(wrongRole.failed()).containsExactly(Dimension.ROLE);
    }

    @Test
    void anyMustBeGrantedExplicitly() {
        assertThat(policy.decide(rights(Restriction.ANY, Restriction.ANY, Restriction.ANY), caller).granted()).isTrue();
        Caller anonymous = new Caller(null, Set.of(), "invoiceRoute", "node-1", null);
        assertThat(policy.decide(rights(Restriction.ANY, Restriction.ANY, Restriction.ANY), anonymous).granted())
                .isTrue();
        assertThat(policy.decide(rights(Restriction.of(Set.of("bots")), Restriction.ANY, Restriction.ANY), anonymous)
                .failed()).containsExactly(Dimension.ROLE);
    }

    @Test
    void starMeansAny() {
        assertThat(Restriction.of(Set.of("*"))).isEqualTo(Restriction.ANY);
        assertThat(Restriction.of(Set.of())).isEqualTo(Restriction.NOBODY);
        assertThat(Dimension.parse("roles")).isEqualTo(Dimension.ROLE);
        assertThat(Dimension.parse("Process")).isEqualTo(Dimension.PROCESS);
        assertThat(Dimension.parse("processes")).isEqualTo(Dimension.PROCESS);
        assertThat(Dimension.parse("resources")).isEqualTo(Dimension.RESOURCE);
    }

    @Test
    void theReadRightNeverAllowsAWrite() {
        AccessRights readOnly = rights(Restriction.ANY, Restriction.ANY, Restriction.ANY);

        AccessDecision write = policy.decide(readOnly, caller, AccessMode.WRITE);

        assertThat(policy.decide(readOnly, caller).granted()).isTrue();
        assertThat(write.granted()).isFalse();
        assertThat(write.mode()).isEqualTo(AccessMode.WRITE);
        assertThat(write.failed()).containsExactly(Dimension.ROLE, Dimension.PROCESS, Dimension.RESOURCE);
        assertThat(write.reason()).startsWith("no write right was granted");
    }

    @Test
    void theWriteRightIsAndCombinedAndGrantsNoRead() {
        Restrictions writers = new Restrictions(Restriction.ANY, Restriction.of(Set.of("invoiceRoute")),
                Restriction.of(Set.of("node-2")));
        AccessRights rights = new AccessRights(Restrictions.NOBODY, writers, false);

        AccessDecision write = policy.decide(rights, caller, AccessMode.WRITE);

        assertThat(write.granted()).isFalse();
        assertThat(write.failed()).containsExactly(Dimension.RESOURCE);
        assertThat(write.reason()).isEqualTo("resource 'node-1' not in resources allowed to write ['node-2']");
        assertThat(policy.decide(new AccessRights(Restrictions.NOBODY, new Restrictions(Restriction.ANY,
                Restriction.ANY, Restriction.ANY), false), caller, AccessMode.WRITE).granted()).isTrue();
        assertThat(policy.decide(rights, caller).granted()).as("a write grant is no read grant").isFalse();
    }

    @Test
    void grantedValuesAreQuotedSoACommaCannotBeMisread() {
        AccessDecision decision = policy.decide(rights(Restriction.ANY, Restriction.of(Set.of("r1,r2", "r3")),
                Restriction.ANY), caller);

        assertThat(decision.reason()).isEqualTo("process 'invoiceRoute' not in allowed processes ['r1,r2', 'r3']");
    }
}
