package io.camelksm.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelksm.credential.CredentialReference;

/** How {@code credential refs} and a refused {@code credential delete} show the places that use a credential. */
final class ReferenceTable {

    private static final String ROW = "%-9s %-44s %-32s %-16s %-38s %-27s %s%n";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceTable() {
    }

    static void print(PrintWriter out, List<CredentialReference> references) {
        out.printf(ROW, "KIND", "WHERE", "ROUTE", "NODE", "STATE", "REGISTERED", "LAST USED");
        for (CredentialReference r : references) {
            out.printf(ROW, r.kind(), r.location(), r.routeId(), r.node(), r.state(), time(r.registeredAt()),
                    r.lastUsed() == null ? "never" : r.lastUsed().toString());
        }
        out.println("Rows are what each node ran at its last run: running until the node stops the route, stopped"
                    + " until the node starts again; a running row of a node that is no longer running is left from a"
                    + " crash (check its node and registered time).");
    }

    static String json(List<CredentialReference> references) {
        List<Map<String, Object>> rows = references.stream().map(ReferenceTable::row).toList();
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the references as JSON: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> row(CredentialReference r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("credential", r.credential().value());
        row.put("kind", r.kind().name());
        row.put("where", r.location());
        row.put("routeId", r.routeId());
        row.put("node", r.node());
        row.put("state", r.running() ? "running" : "stopped");
        row.put("stoppedAt", r.running() ? null : r.stoppedAt().toString());
        row.put("registeredAt", time(r.registeredAt()));
        row.put("lastUsed", r.lastUsed() == null ? null : r.lastUsed().toString());
        return row;
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
