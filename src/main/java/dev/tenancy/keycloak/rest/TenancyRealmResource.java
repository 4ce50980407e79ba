package dev.tenancy.keycloak.rest;

import dev.tenancy.keycloak.apikey.ApiKeyIntrospection;
import dev.tenancy.keycloak.apikey.MyApiKeysResource;
import dev.tenancy.keycloak.credential.OwnedCredentialsResource;
import dev.tenancy.keycloak.invitation.InvitationPages;
import dev.tenancy.keycloak.tenant.Membership;
import dev.tenancy.keycloak.tenant.MembershipService;
import dev.tenancy.keycloak.tenant.SelfServiceTenantResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** {@code /realms/{realm}/tenancy}: the self-service API, for users of the realm acting in their tenants. */
public final class TenancyRealmResource {

    private final KeycloakSession session;

    TenancyRealmResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("me/tenants")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> myTenants() {
        RealmModel realm = session.getContext().getRealm();
        SelfServiceCaller caller = SelfServiceCaller.authenticate(session, realm);
        return new MembershipService(session, realm).all(caller.auth().user()).stream()
                .map(Membership::toJson)
                .toList();
    }

    @Path("tenants/{tenantId}")
    public SelfServiceTenantResource tenant(@PathParam("tenantId") String tenantId) {
        RealmModel realm = session.getContext().getRealm();
        SelfServiceCaller caller = SelfServiceCaller.authenticate(session, realm);
        return SelfServiceTenantResource.of(session, realm, caller.auth().user(), tenantId,
                caller.audit(session, realm));
    }

    /** The invitation link and its pages; the token in the link is the only credential. */
    @Path("invitation")
    public InvitationPages invitation() {
        return new InvitationPages(session, session.getContext().getRealm());
    }

    @Path("me/api-keys")
    public MyApiKeysResource myApiKeys() {
        RealmModel realm = session.getContext().getRealm();
        SelfServiceCaller caller = SelfServiceCaller.authenticate(session, realm);
        return new MyApiKeysResource(session, realm, caller.auth().user(), caller.audit(session, realm));
    }

    @Path("me/credentials")
    public OwnedCredentialsResource myCredentials() {
        RealmModel realm = session.getContext().getRealm();
        SelfServiceCaller caller = SelfServiceCaller.authenticate(session, realm);
        return OwnedCredentialsResource.ofUser(session, realm, caller.auth().user(), caller.audit(session, realm));
    }

    /** RFC 7662 introspection of API keys, for confidential clients (resource servers). */
    @Path("api-keys/introspect")
    public ApiKeyIntrospection apiKeyIntrospection() {
        return new ApiKeyIntrospection(session, session.getContext().getRealm());
    }
}
