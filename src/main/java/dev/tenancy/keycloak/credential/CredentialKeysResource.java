package dev.tenancy.keycloak.credential;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.audit.TenancyResource;
import dev.tenancy.keycloak.credential.crypto.KeyEncryptionKeyUnavailableException;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.json.JsonInput;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.function.Supplier;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/tenancy/keys}: the realm's key-encryption keys. {@code GET} shows the versions
 * and how many credentials each wraps; {@code POST rotate} makes a configured version the realm's primary;
 * {@code POST rewrap} moves every data key to the primary in the background (202), and {@code GET} follows it.
 */
public final class CredentialKeysResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final TenancyAudit audit;

    public CredentialKeysResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            TenancyAudit audit) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> status() {
        auth.realm().requireViewRealm();
        return withKeys(this::statusJson);
    }

    /** Body {@code {"version": N}}, or none for the highest version configured on this node. */
    @POST
    @Path("rotate")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> rotate(String body) {
        auth.realm().requireManageRealm();
        return withKeys(() -> {
            RealmKeys keys = new RealmKeys(session, realm);
            SortedSet<Integer> available = keys.versions();
            int version = body == null || body.isBlank() ? available.last()
                    : Math.toIntExact(JsonInput.parseObject(body).allowOnly(Set.of("version"))
                            .optionalLong("version", 1, Integer.MAX_VALUE).orElse((long) available.last()));
            if (!available.contains(version)) {
                throw TenancyException.badRequest("KEK version " + version + " is not configured on this node or is"
                        + " retired; configured versions: " + available);
            }
            int previous = keys.primary().version();
            keys.choosePrimary(version);
            Map<String, Object> status = statusJson();
            status.put("previousPrimaryVersion", previous);
            audit.realmChange(TenancyResource.TENANCY_CREDENTIAL_KEYS, OperationType.ACTION,
                    Map.of("primaryVersion", version, "previousPrimaryVersion", previous), "keys", "rotate");
            return status;
        });
    }

    @POST
    @Path("rewrap")
    @Produces(MediaType.APPLICATION_JSON)
    public Response rewrap() {
        auth.realm().requireManageRealm();
        Map<String, Object> status = withKeys(() -> {
            int target = new RealmKeys(session, realm).primary().version();
            RewrapProgress progress = CredentialRewrap.start(session, realm, target);
            audit.realmChange(TenancyResource.TENANCY_CREDENTIAL_KEYS, OperationType.ACTION,
                    Map.of("targetVersion", progress.targetVersion()), "keys", "rewrap");
            Map<String, Object> json = statusJson();
            json.put("rewrap", progress.toJson());
            return json;
        });
        return Response.accepted(status).build();
    }

    private Map<String, Object> statusJson() {
        RealmKeys keys = new RealmKeys(session, realm);
        int primary = keys.primary().version();
        SortedMap<Integer, Long> counts = new CredentialStore(session, realm.getId()).countByKeyVersion();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("primaryVersion", primary);
        json.put("realmPrimaryVersion", keys.realmPrimary().orElse(null));
        json.put("nodePrimaryVersion", keys.nodePrimary().version());
        json.put("availableVersions", keys.versions());
        Map<String, Long> byVersion = new LinkedHashMap<>();
        counts.forEach((version, count) -> byVersion.put(Integer.toString(version), count));
        json.put("credentialsByVersion", byVersion);
        json.put("pendingRewrap", counts.entrySet().stream().filter(entry -> entry.getKey() != primary)
                .mapToLong(Map.Entry::getValue).sum());
        json.put("rewrap", CredentialRewrap.latest(realm).map(RewrapProgress::toJson).orElse(null));
        return json;
    }

    private static <T> T withKeys(Supplier<T> action) {
        try {
            return action.get();
        } catch (KeyEncryptionKeyUnavailableException e) {
            throw TenancyException.unavailable(e.getMessage());
        }
    }
}
