package dev.tenancy.keycloak.credential;

import com.fasterxml.jackson.annotation.JsonInclude;
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

    /**
     * The realm's keys as the admin API shows them; {@code realmPrimaryVersion} and {@code rewrap} are absent until
     * set, {@code previousPrimaryVersion} is only in the answer to a rotation.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Status(int primaryVersion, boolean primaryAvailable, Integer realmPrimaryVersion, int nodePrimaryVersion,
            SortedSet<Integer> availableVersions, Map<String, Long> credentialsByVersion, long pendingRewrap,
            int bindingVersion, long pendingRebind, RewrapProgress.Representation rewrap,
            Integer previousPrimaryVersion) {

        Status withRewrap(RewrapProgress.Representation running) {
            return new Status(primaryVersion, primaryAvailable, realmPrimaryVersion, nodePrimaryVersion,
                    availableVersions, credentialsByVersion, pendingRewrap, bindingVersion, pendingRebind, running,
                    previousPrimaryVersion);
        }

        Status withPrevious(int previous) {
            return new Status(primaryVersion, primaryAvailable, realmPrimaryVersion, nodePrimaryVersion,
                    availableVersions, credentialsByVersion, pendingRewrap, bindingVersion, pendingRebind, rewrap,
                    previous);
        }
    }

    Status status() {
        int primary = keys.primaryVersion();
        SortedSet<Integer> available = keys.versions();
        CredentialStore store = new CredentialStore(session, realm.getId());
        SortedMap<Integer, Long> counts = store.countByKeyVersion();
        Map<String, Long> byVersion = new LinkedHashMap<>();
        counts.forEach((version, count) -> byVersion.put(Integer.toString(version), count));
        long pendingRewrap = counts.entrySet().stream().filter(entry -> entry.getKey() != primary)
                .mapToLong(Map.Entry::getValue).sum();
        return new Status(primary, available.contains(primary), keys.realmPrimary().orElse(null),
                keys.nodePrimary().version(), available, byVersion, pendingRewrap, CredentialBinding.CURRENT,
                store.countToRebind(CredentialBinding.CURRENT),
                CredentialRewrap.latest(session, realm).orElse(null), null);
    }

    /** Makes {@code requested} (default: the highest version on this node) the realm's primary. */
    Status rotate(Optional<Integer> requested) {
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
        return status().withPrevious(previous);
    }

    /** Starts a rewrap towards the primary on this node (or answers the one running in the cluster). */
    Status rewrap() {
        RewrapProgress.Representation run = CredentialRewrap.start(session, realm, keys.primary().version());
        audit.realmChange(TenancyResourceType.TENANCY_CREDENTIAL_KEYS, OperationType.ACTION,
                Map.of("targetVersion", run.targetVersion()), "keys", "rewrap");
        return status().withRewrap(run);
    }
}
