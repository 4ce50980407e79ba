package dev.tenancy.keycloak.transfer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an import did, per kind of row: {@code imported} rows written into a realm without tenancy data, or, for a
 * repeated import, {@code alreadyPresent} rows the realm held unchanged (and nothing written).
 */
public record TransferReport(String realm, Map<String, Integer> imported, Map<String, Integer> alreadyPresent) {

    static TransferReport empty(String realm) {
        return new TransferReport(realm, new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    void count(String kind, int written, int kept) {
        imported.put(kind, written);
        alreadyPresent.put(kind, kept);
    }
}
