package io.camelksm.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelksm.access.Caller;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.governance.GovernedCredentials;

/** Each audit variant the benchmarks compare reads the fixture's credential and audits (or not) as it says. */
class KsmFixtureTest {

    private static final CredentialName API = CredentialName.of("Api");

    private final KsmFixture ksm = new KsmFixture();

    @AfterEach
    void close() {
        ksm.close();
    }

    private static void read(GovernedCredentials governed, String route, int times) {
        Caller caller = new Caller(null, Set.of(), route, KsmFixture.NODE, "exchange");
        for (int i = 0; i < times; i++) {
            assertThat(governed.read(API, "authorize", caller, route).secret(CredentialField.TOKEN).orElseThrow()
                    .reveal()).isEqualTo("t0ken");
        }
    }

    @Test
    void everyVariantReadsTheSameDatabaseAndAuditsAsItsModeSays() {
        ksm.addBearer("Api", "t0ken");
        long journaledBefore = ksm.journaled();

        read(ksm.governed(), "default-route", 3);
        read(ksm.governedWithAsyncAudit(), "async-route", 4);
        read(ksm.governedWithSummaryAudit(), "summary-route", 5);
        read(ksm.governedWithoutAudit(), "unaudited-route", 6);
        ksm.closeSummaryAudits();

        assertThat(ksm.journaled() - journaledBefore).as("journaled before each read went on").isEqualTo(3);
        assertThat(ksm.auditedDecisions("async-route")).isEqualTo(4);
        assertThat(ksm.auditedDecisions("summary-route")).as("merged, counted by occurrences").isEqualTo(5);
        assertThat(ksm.auditedDecisions("unaudited-route")).isZero();
    }
}
