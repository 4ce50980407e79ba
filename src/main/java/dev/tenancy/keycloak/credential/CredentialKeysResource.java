package dev.tenancy.keycloak.credential;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.credential.crypto.KeyEncryptionKeyUnavailableException;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.json.Fields;
import dev.tenancy.keycloak.json.JsonBodies;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
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
    public CredentialKeys.Status status() {
        auth.realm().requireViewRealm();
        return withKeys(() -> keys().status());
    }

    /** Body {@code {"version": N}}, or none for the highest version configured on this node. */
    @POST
    @Path("rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CredentialKeys.Status rotate(byte[] body) {
        auth.realm().requireManageRealm();
        Optional<Integer> version = JsonBodies.readOptional(body, Rotation.class).map(Rotation::version)
                .map(Math::toIntExact);
        return withKeys(() -> keys().rotate(version));
    }

    /** The optional body of a rotation: which configured version becomes the primary. */
    record Rotation(Long version) implements JsonBodies.Validated<Rotation> {

        @Override
        public Rotation validated() {
            return new Rotation(Fields.range("version", version, 1, Integer.MAX_VALUE));
        }
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
