/**
 * Keeper Secrets Manager as a credential store, through Keeper's official Java SDK.
 * <p>
 * <b>Wiring.</b> Usually {@link io.camelksm.runtime.KsmRuntime} does it, from {@code store=keeper} and
 * {@link io.camelksm.runtime.KeeperSettings} (the component's {@code keeper*} options). A store made by hand, once a
 * client config is bound with a one-time token (SDK {@code initializeStorage} into an
 * {@link io.camelksm.hsm.HsmKeyValueStorage}), is given to the runtime:
 * <pre>{@code
 * KeeperStoreSettings settings = KeeperStoreSettings.fromProperties(properties); // keeper.credentials.<name>=<UID>
 * KeeperCredentialStore store = new KeeperCredentialStore(KeeperClient.sdk(hsmStorage), settings);
 * store.prefetch();                                                              // optional: fetch at start
 * KsmRuntime runtime = KsmRuntime.open(KsmSettings.builder().credentialStore(store).build());
 * GovernedCredentials governed = runtime.credentials(); // rights and audit: camel-ksm's own database
 * }</pre>
 * <p>
 * <b>Which record.</b> Each credential name maps to a record UID ({@code keeper.credentials.<name>=<UID>}), never a
 * title: Keeper throttles title look-ups, which fetch every record. {@code keeper://<UID>/field/password},
 * {@code keeper://<UID>/custom_field/<label>}, {@code keeper://<UID>/field/keyPair[privateKey]} or
 * {@code keeper://<UID>/notes} select a single value, which becomes a BEARER credential's token
 * ({@link io.camelksm.store.keeper.KeeperRecordRef}).
 * <p>
 * <b>Record conventions</b> ({@link io.camelksm.store.keeper.KeeperRecordMapper}):
 * <table>
 * <caption>Credential fields and where they come from in a Keeper record</caption>
 * <tr><th>credential type (custom field {@code ksm.type} or {@code keeper.credentials.<name>.type})</th>
 * <th>fields: custom field labelled ... (else standard field)</th></tr>
 * <tr><td>BASIC (default for {@code login} records), GENERAL</td>
 * <td>{@code username} (login), {@code password} (password)</td></tr>
 * <tr><td>BEARER</td><td>{@code token} (password)</td></tr>
 * <tr><td>OAUTH2_CLIENT_CREDENTIALS</td><td>{@code clientId} (login), {@code tokenUrl} (url); optional
 * {@code clientSecret} (password), {@code scope}, {@code audience}, {@code clientAuthenticationMethod},
 * {@code privateKey} (keyPair[privateKey]), {@code keyId}, {@code algorithm}</td></tr>
 * <tr><td>OAUTH2_JWT_BEARER</td><td>{@code issuer} (login), {@code tokenUrl} (url), {@code privateKey} (a secret or
 * multiline custom field, else keyPair[privateKey]); optional {@code subject}, {@code audience}, {@code scope},
 * {@code keyId}, {@code algorithm}, {@code assertionLifetime}, and for client authentication {@code clientId},
 * {@code clientSecret}, {@code clientAuthenticationMethod} (custom fields only)</td></tr>
 * <tr><td>DATA_GATEWAY</td><td>{@code username} (login), {@code password} (password); optional {@code target}
 * (url)</td></tr>
 * </table>
 * Labels are matched case-insensitively. Other labelled custom fields become additional properties (hidden field
 * types such as {@code secret}, {@code password}, {@code pinCode}, {@code keyPair} become secret properties); labels
 * starting with {@code ksm.} are reserved; {@code ksm.expiresAt} (ISO-8601 instant or date, or a date field) sets the
 * expiry. The record title is the description, the revision the version.
 * <p>
 * <b>Rate limits.</b> All configured records are fetched in one call, cached for {@code keeper.cache.ttl} and
 * resolved locally; refreshes are single-flight; on failure the last good records are served for up to
 * {@code keeper.cache.max-stale} (WARN log, {@link io.camelksm.store.keeper.KeeperStoreStatistics#staleServed()});
 * after a throttling answer Keeper is not called for its {@code retry_after} (else {@code keeper.throttle.backoff}),
 * after another failure for {@code keeper.failure.backoff}.
 * <p>
 * <b>Writes.</b> Read-only by default. With {@code keeper.password-updates=true}, {@code update} changes the
 * record's standard password field (SDK {@code updateSecret}) and nothing else; create and delete are refused.
 */
package io.camelksm.store.keeper;
