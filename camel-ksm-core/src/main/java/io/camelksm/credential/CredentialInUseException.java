package io.camelksm.credential;

import java.util.List;
import java.util.stream.Collectors;

import io.camelksm.KsmException;

/**
 * A credential that routes, connectors or Kamelets use (running, or stopped at their node's last run) was not deleted,
 * because the deletion was not forced.
 */
public class CredentialInUseException extends KsmException {

    private final transient List<CredentialReference> references;

    public CredentialInUseException(CredentialName credential, List<CredentialReference> references) {
        super("Credential '" + credential + "' is referenced in " + references.size() + " place"
              + (references.size() == 1 ? "" : "s") + ": " + references.stream().map(CredentialReference::describe)
                      .collect(Collectors.joining("; ")) + ". Nothing was deleted");
        this.references = List.copyOf(references);
    }

    public List<CredentialReference> getReferences() {
        return references;
    }
}
