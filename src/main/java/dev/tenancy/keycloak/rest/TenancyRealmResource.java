package dev.tenancy.keycloak.rest;

import dev.tenancy.keycloak.apikey.ApiKeyIntrospection;
import dev.tenancy.keycloak.apikey.MyApiKeysResource;
import dev.tenancy.keycloak.console.TenancyConsoleResource;
import dev.tenancy.keycloak.credential.OwnedCredentialsResource;
import dev.tenancy.keycloak.invitation.InvitationPages;
import dev.tenancy.keycloak.tenant.MembershipRepresentation;
import dev.tenancy.keycloak.tenant.MembershipService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code /realms/{realm}/tenancy}: the self-service API, for users of the realm acting in their tenants (with
 * CORS for the Web Origins of the caller's client), the invitation pages and API key introspection.
 */
public final class TenancyRealmResource {

    private final KeycloakSession session;
    private final SelfServiceCors.KnownOrigins knownOrigins;

    TenancyRealmResource(KeycloakSession session, SelfServiceCors.KnownOrigins knownOrigins) {
        this.session = session;
        this.knownOrigins = knownOrigins;
    }

    @GET
    @Path("me/tenants")
    @Produces(MediaType.APPLICATION_JSON)
    public List<MembershipRepresentation> myTenants() {
        RealmModel realm = session.getContext().getRealm();
        SelfServiceCaller caller = SelfServiceCaller.authenticate(session, realm);
        return new MembershipService(session, realm).all(caller.auth().user()).stream()
                .map(MembershipRepresentation::of)
                .toList();
    }

    /** Browsers ask before calling from the SaaS's origin (CORS). */
    @OPTIONS
    @Path("me/tenants")
    public Response myTenantsPreflight() {
        return new SelfServiceCors.Preflight(session, session.getContext().getRealm(), knownOrigins).here();
    }

    /** A tenant's members, modules, invitations, API keys and credentials; {@link SelfServiceTenantResource}. */
    @Path("tenants/{tenantId}")
    public Object tenant(@PathParam("tenantId") String tenantId) {
        RealmModel realm = session.getContext().getRealm();
        if (SelfServiceCors.isPreflight(session)) {
            return new SelfServiceCors.Preflight(session, realm, knownOrigins);
        }
        SelfServiceCaller caller = SelfServiceCaller.authenticate(session, realm);
        return SelfServiceTenantResource.of(session, realm, caller.auth().user(), tenantId,
                caller.audit(session, realm));
    }

    /** The invitation link and its pages; the token in the link is the only credential. */
    @Path("invitation")
    public InvitationPages invitation() {
        return new InvitationPages(session, session.getContext().getRealm());
    }

    /** The caller's API keys; {@link MyApiKeysResource}. */
    @Path("me/api-keys")
    public Object myApiKeys() {
        RealmModel realm = session.getContext().getRealm();
        if (SelfServiceCors.isPreflight(session)) {
            return new SelfServiceCors.Preflight(session, realm, knownOrigins);
        }
        SelfServiceCaller caller = SelfServiceCaller.authenticate(session, realm);
        return new MyApiKeysResource(session, realm, caller.auth().user(), caller.audit(session, realm));
    }

    /** The caller's own credentials; {@link OwnedCredentialsResource}. */
    @Path("me/credentials")
    public Object myCredentials() {
        RealmModel realm = session.getContext().getRealm();
        if (SelfServiceCors.isPreflight(session)) {
            return new SelfServiceCors.Preflight(session, realm, knownOrigins);
        }
        SelfServiceCaller caller = SelfServiceCaller.authenticate(session, realm);
        return OwnedCredentialsResource.ofUser(session, realm, caller.auth().user(), caller.audit(session, realm));
    }

    /** The tenancy console: a page and its static modules; {@link TenancyConsoleResource}. */
    @Path("console")
    public TenancyConsoleResource console() {
        return new TenancyConsoleResource(session, session.getContext().getRealm());
    }

    /** RFC 7662 introspection of API keys, for confidential clients (resource servers). */
    @Path("api-keys/introspect")
    public ApiKeyIntrospection apiKeyIntrospection() {
        return new ApiKeyIntrospection(session, session.getContext().getRealm());
    }
}
