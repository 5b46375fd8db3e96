package io.camelksm.component;

import java.time.Duration;

import io.camelksm.runtime.KsmSettings;
import io.camelksm.store.jdbc.DatabaseSettings;

/** Assembles the {@link KsmSettings} of a component from the parts its configuration classes make. */
final class KsmComponentSettings {

    private KsmComponentSettings() {
    }

    static KsmSettings of(KsmComponent component) {
        KsmDatabaseConfiguration database = component.getDatabaseConfiguration();
        DatabaseSettings databaseSettings = database.toSettings();
        KsmAuditConfiguration audit = component.getAuditConfiguration();
        KsmStoreConfiguration store = component.getStoreConfiguration();
        return KsmSettings.builder()
                .database(databaseSettings)
                .schemeKeyDirectory(database.schemeKeyDirectoryPath())
                .auditMode(audit.getAuditMode())
                .journal(audit.journalSettings(database))
                .cacheTtl(Duration.ofMillis(component.getCallerConfiguration().getCacheTtl()))
                .changeNotices(component.getCallerConfiguration().isChangeNotices())
                .tokenSharing(component.getCallerConfiguration().getTokenSharing())
                .expiryWarning(Duration.ofMillis(component.getCallerConfiguration().getExpiryWarning()))
                .store(store.getStore())
                .credentialStore(store.getCredentialStore())
                .keeper(store.keeperSettings(component.getKeeperHsmConfiguration()))
                .schemeHsm(component.getSchemeHsmConfiguration().toSettings())
                .oauth2(component.getOauth2Configuration().toSettings(component.getClock()))
                .clock(component.getClock())
                .nodeName(component.getNodeName())
                .givenCredentials(component.getGovernedCredentials())
                .givenTokenProvider(component.getOauth2TokenProvider())
                .build();
    }
}
