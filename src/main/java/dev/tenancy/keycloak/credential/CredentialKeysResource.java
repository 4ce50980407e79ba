package dev.tenancy.keycloak.credential;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.credential.crypto.KeyEncryptionKeyUnavailableException;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.json.JsonInput;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
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
        return withKeys(() -> keys().status());
    }

    /** Body {@code {"version": N}}, or none for the highest version configured on this node. */
    @POST
    @Path("rotate")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> rotate(String body) {
        auth.realm().requireManageRealm();
        Optional<Integer> version = body == null || body.isBlank() ? Optional.empty()
                : JsonInput.parseObject(body).allowOnly(Set.of("version"))
                        .optionalLong("version", 1, Integer.MAX_VALUE).map(Math::toIntExact);
        return withKeys(() -> keys().rotate(version));
    }

    @POST
    @Path("rewrap")
    @Produces(MediaType.APPLICATION_JSON)
    public Response rewrap() {
        auth.realm().requireManageRealm();
        return Response.accepted(withKeys(() -> keys().rewrap())).build();
    }

    private CredentialKeys keys() {
        return new CredentialKeys(session, realm, audit);
    }

    private static <T> T withKeys(Supplier<T> action) {
        try {
            return action.get();
        } catch (KeyEncryptionKeyUnavailableException e) {
            throw TenancyException.unavailable(e.getMessage());
        }
    }
}
