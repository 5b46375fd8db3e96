package io.camelksm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The merge rules of auditMode=summary, on one batch at a time. */
class AuditSummarizerTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private final AuditSummarizer summarizer = new AuditSummarizer();

    /** A granted read of Graph by route "orders", decided at T0 + n ms in exchange ex-n. */
    private static AuditEvent read(int n) {
        return new AuditEvent(T0.plusMillis(n), "Graph", "authorize", "orders", "ex-" + n, "alice", Set.of("ops"),
                "orders", "node-1", AuditOutcome.GRANTED, "access granted");
    }

    /** The same, with one part changed. */
    private static AuditEvent read(int n, UnaryOperator<Parts> change) {
        AuditEvent e = read(n);
        Parts p = change.apply(new Parts(e.credential(), e.operation(), e.routeId(), e.principal(), e.roles(),
                e.process(), e.resource(), e.outcome(), e.reason()));
        return new AuditEvent(e.time(), p.credential, p.operation, p.routeId, e.exchangeId(), p.principal, p.roles,
                p.process, p.resource, p.outcome, p.reason);
    }

    private record Parts(String credential, String operation, String routeId, String principal, Set<String> roles,
                         String process, String resource, AuditOutcome outcome, String reason) {
        Parts with(String part, Object value) {
            return new Parts(part.equals("credential") ? (String) value : credential,
                    part.equals("operation") ? (String) value : operation,
                    part.equals("routeId") ? (String) value : routeId,
                    part.equals("principal") ? (String) value : principal,
                    part.equals("roles") ? castRoles(value) : roles,
                    part.equals("process") ? (String) value : process,
                    part.equals("resource") ? (String) value : resource,
                    part.equals("outcome") ? (AuditOutcome) value : outcome,
                    part.equals("reason") ? (String) value : reason);
        }

        @SuppressWarnings("unchecked")
        private static Set<String> castRoles(Object value) {
            return (Set<String>) value;
        }
    }

    private static int sum(List<AuditEvent> events) {
        return events.stream().mapToInt(AuditEvent::occurrences).sum();
    }

    @Test
    void identicalGrantedReadsBecomeOneEventWithFirstAndLastTimeAndExchange() {
        List<AuditEvent> batch = List.of(read(0), read(1), read(2), read(3), read(4));

        List<AuditEvent> out = summarizer.summarize(batch);

        assertThat(out).hasSize(1);
        AuditEvent merged = out.get(0);
        assertThat(merged.occurrences()).isEqualTo(5);
        assertThat(merged.merged()).isTrue();
        assertThat(merged.time()).isEqualTo(T0);
        assertThat(merged.exchangeId()).isEqualTo("ex-0");
        assertThat(merged.lastTime()).isEqualTo(T0.plusMillis(4));
        assertThat(merged.lastExchangeId()).isEqualTo("ex-4");
        assertThat(merged).usingRecursiveComparison()
                .ignoringFields("occurrences", "lastTime", "lastExchangeId").isEqualTo(read(0));
    }

    @Test
    void equalButNotIdenticalStringsAndRoleSetsStillMerge() {
        AuditEvent copy = new AuditEvent(T0.plusMillis(1), new String("Graph"), new String("authorize"),
                new String("orders"), "ex-1", new String("alice"), Set.of(new String("ops")), new String("orders"),
                new String("node-1"), AuditOutcome.GRANTED, new String("access granted"));

        assertThat(summarizer.summarize(List.of(read(0), copy))).singleElement()
                .satisfies(e -> assertThat(e.occurrences()).isEqualTo(2));
    }

    @ParameterizedTest
    @ValueSource(strings = { "credential", "operation", "routeId", "principal", "roles", "process", "resource",
            "reason" })
    void readsThatDifferInAnyPartButTimeAndExchangeAreNotMerged(String part) {
        Object other = switch (part) {
            case "roles" -> Set.of("ops", "admin");
            case "operation" -> "get";
            default -> "other";
        };
        AuditEvent different = read(1, p -> p.with(part, other));

        List<AuditEvent> out = summarizer.summarize(List.of(read(0), different, read(2)));

        assertThat(out).extracting(AuditEvent::exchangeId).containsExactly("ex-0", "ex-1");
        assertThat(out).extracting(AuditEvent::occurrences).containsExactly(2, 1);
        assertThat(out.get(1)).isSameAs(different);
    }

    @Test
    void aNullPartOnlyMergesWithNull() {
        AuditEvent noPrincipal1 = read(1, p -> p.with("principal", null));
        AuditEvent noPrincipal2 = read(2, p -> p.with("principal", null));

        assertThat(summarizer.summarize(List.of(read(0), noPrincipal1, noPrincipal2)))
                .extracting(AuditEvent::exchangeId, AuditEvent::occurrences)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ex-0", 1),
                        org.assertj.core.groups.Tuple.tuple("ex-1", 2));
    }

    @ParameterizedTest
    @EnumSource(value = AuditOutcome.class, names = { "DENIED", "FAILED" })
    void deniedAndFailedDecisionsAreNeverMerged(AuditOutcome outcome) {
        List<AuditEvent> batch = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            batch.add(read(i, p -> p.with("outcome", outcome).with("reason", "denied by [ROLE]")));
        }

        List<AuditEvent> out = summarizer.summarize(batch);

        assertThat(out).containsExactlyElementsOf(batch);
        assertThat(out).allSatisfy(e -> assertThat(e.occurrences()).isEqualTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = { "set", "setProperty", "create", "update", "delete", "grant", "revoke", "list" })
    void grantedChangesAndUnknownOperationsAreNeverMerged(String operation) {
        List<AuditEvent> batch = List.of(read(0, p -> p.with("operation", operation)),
                read(1, p -> p.with("operation", operation)), read(2, p -> p.with("operation", operation)));

        assertThat(summarizer.summarize(batch)).containsExactlyElementsOf(batch);
    }

    @Test
    void theMergedEventTakesThePlaceOfItsFirstOccurrenceAndTheRestKeepsItsOrder() {
        AuditEvent a0 = read(0);
        AuditEvent denied1 = read(1, p -> p.with("outcome", AuditOutcome.DENIED));
        AuditEvent b2 = read(2, p -> p.with("routeId", "billing"));
        AuditEvent a3 = read(3);
        AuditEvent set4 = read(4, p -> p.with("operation", "set"));
        AuditEvent b5 = read(5, p -> p.with("routeId", "billing"));
        AuditEvent failed6 = read(6, p -> p.with("outcome", AuditOutcome.FAILED));
        AuditEvent a7 = read(7);
        AuditEvent c8 = read(8, p -> p.with("credential", "Salesforce"));

        List<AuditEvent> out = summarizer.summarize(List.of(a0, denied1, b2, a3, set4, b5, failed6, a7, c8));

        assertThat(out).extracting(AuditEvent::exchangeId, AuditEvent::occurrences, AuditEvent::lastExchangeId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ex-0", 3, "ex-7"),
                        org.assertj.core.groups.Tuple.tuple("ex-1", 1, null),
                        org.assertj.core.groups.Tuple.tuple("ex-2", 2, "ex-5"),
                        org.assertj.core.groups.Tuple.tuple("ex-4", 1, null),
                        org.assertj.core.groups.Tuple.tuple("ex-6", 1, null),
                        org.assertj.core.groups.Tuple.tuple("ex-8", 1, null));
        assertThat(out.get(1)).isSameAs(denied1);
        assertThat(out.get(5)).isSameAs(c8);
        assertThat(sum(out)).isEqualTo(9);
    }

    @Test
    void aBatchWithNothingToMergeIsReturnedAsItIs() {
        List<AuditEvent> batch = List.of(read(0), read(1, p -> p.with("routeId", "billing")),
                read(2, p -> p.with("outcome", AuditOutcome.DENIED)));

        assertThat(summarizer.summarize(batch)).isSameAs(batch);
        assertThat(summarizer.summarize(List.of(read(0)))).extracting(AuditEvent::occurrences).containsExactly(1);
        assertThat(summarizer.summarize(List.of())).isEmpty();
    }

    @Test
    void eachBatchIsMergedOnItsOwn() {
        assertThat(summarizer.summarize(List.of(read(0), read(1)))).extracting(AuditEvent::occurrences)
                .containsExactly(2);

        // the same decisions again, in the next batch: a new entry, nothing carried over
        List<AuditEvent> next = summarizer.summarize(List.of(read(2), read(3), read(4)));

        assertThat(next).extracting(AuditEvent::exchangeId, AuditEvent::occurrences, AuditEvent::lastExchangeId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ex-2", 3, "ex-4"));
    }

    @Test
    void eventsAlreadyMergedAddTheirOccurrencesAndBringTheirLastExchange() {
        AuditEvent alreadyMerged = read(1).mergedWith(10, T0.plusMillis(9), "ex-9");

        List<AuditEvent> out = summarizer.summarize(List.of(read(0), alreadyMerged, read(10)));
        assertThat(out).singleElement().satisfies(e -> {
            assertThat(e.occurrences()).isEqualTo(12);
            assertThat(e.lastExchangeId()).isEqualTo("ex-10");
        });

        out = summarizer.summarize(List.of(read(0), alreadyMerged));
        assertThat(out).singleElement().satisfies(e -> {
            assertThat(e.occurrences()).isEqualTo(11);
            assertThat(e.lastTime()).isEqualTo(T0.plusMillis(9));
            assertThat(e.lastExchangeId()).isEqualTo("ex-9");
        });
    }
}
