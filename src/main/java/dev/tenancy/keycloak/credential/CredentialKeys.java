package dev.tenancy.keycloak.credential;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.audit.TenancyResourceType;
import dev.tenancy.keycloak.credential.crypto.CredentialBinding;
import dev.tenancy.keycloak.error.TenancyException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The realm's key-encryption keys as the admin API shows and changes them: versions and counts, choosing
 * the primary, starting a rewrap. The status never needs the primary's key itself, so a realm whose primary
 * is missing or retired on this node can still be inspected and rotated away from it.
 */
final class CredentialKeys {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final RealmKeys keys;
    private final TenancyAudit audit;

    CredentialKeys(KeycloakSession session, RealmModel realm, TenancyAudit audit) {
        this.session = session;
        this.realm = realm;
        this.keys = new RealmKeys(session, realm);
        this.audit = audit;
    }

    Map<String, Object> status() {
        int primary = keys.primaryVersion();
        SortedSet<Integer> available = keys.versions();
        CredentialStore store = new CredentialStore(session, realm.getId());
        SortedMap<Integer, Long> counts = store.countByKeyVersion();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("primaryVersion", primary);
        json.put("primaryAvailable", available.contains(primary));
        json.put("realmPrimaryVersion", keys.realmPrimary().orElse(null));
        json.put("nodePrimaryVersion", keys.nodePrimary().version());
        json.put("availableVersions", available);
        Map<String, Long> byVersion = new LinkedHashMap<>();
        counts.forEach((version, count) -> byVersion.put(Integer.toString(version), count));
        json.put("credentialsByVersion", byVersion);
        json.put("pendingRewrap", counts.entrySet().stream().filter(entry -> entry.getKey() != primary)
                .mapToLong(Map.Entry::getValue).sum());
        json.put("bindingVersion", CredentialBinding.CURRENT);
        json.put("pendingRebind", store.countToRebind(CredentialBinding.CURRENT));
        json.put("rewrap", CredentialRewrap.latest(session, realm).map(RewrapProgress::toJson).orElse(null));
        return json;
    }

    /** Makes {@code requested} (default: the highest version on this node) the realm's primary. */
    Map<String, Object> rotate(Optional<Integer> requested) {
        SortedSet<Integer> available = keys.versions();
        int version = requested.orElse(available.last());
        if (!available.contains(version)) {
            throw TenancyException.invalid("KEK version " + version + " is not configured on this node or is"
                    + " retired; configured versions: " + available);
        }
        int previous = keys.primaryVersion();
        keys.choosePrimary(version);
        audit.realmChange(TenancyResourceType.TENANCY_CREDENTIAL_KEYS, OperationType.ACTION,
                Map.of("primaryVersion", version, "previousPrimaryVersion", previous), "keys", "rotate");
        Map<String, Object> status = status();
        status.put("previousPrimaryVersion", previous);
        return status;
    }

    /** Starts a rewrap towards the primary on this node (or answers the one running here). */
    Map<String, Object> rewrap() {
        RewrapProgress progress = CredentialRewrap.start(session, realm, keys.primary().version());
        audit.realmChange(TenancyResourceType.TENANCY_CREDENTIAL_KEYS, OperationType.ACTION,
                Map.of("targetVersion", progress.targetVersion()), "keys", "rewrap");
        Map<String, Object> status = status();
        status.put("rewrap", progress.toJson());
        return status;
    }
}
