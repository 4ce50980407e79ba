package dev.tenancy.keycloak.support.probe;

import dev.tenancy.keycloak.credential.CredentialAccessDeniedException;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.credential.CredentialScope;
import dev.tenancy.keycloak.credential.RevealedCredential;
import dev.tenancy.keycloak.credential.TenancyCredentialStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/** What another extension would do: find and reveal a credential as a user, for a client; the answer says what happened. */
public final class CredentialProbeResource {

    private final KeycloakSession session;

    CredentialProbeResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("reveal")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reveal(@QueryParam("reader") String reader, @QueryParam("client") String clientId,
            @QueryParam("scope") String scope, @QueryParam("owner") String owner,
            @QueryParam("provider") String provider, @QueryParam("name") String name) {
        RealmModel realm = session.getContext().getRealm();
        UserModel user = session.users().getUserByUsername(realm, reader);
        ClientModel client = realm.getClientByClientId(clientId);
        TenancyCredentialStore store = session.getProvider(TenancyCredentialStore.class);
        return answer(() -> store.reveal(user, client, CredentialScope.valueOf(scope), owner, provider, name)
                .map(RevealedCredential::value).map(value -> Map.<String, Object>of("value", value)));
    }

    /** The same read from a background job: its own session, no HTTP request behind it. */
    @GET
    @Path("reveal-in-background")
    @Produces(MediaType.APPLICATION_JSON)
    public Response revealInBackground(@QueryParam("reader") String reader, @QueryParam("client") String clientId,
            @QueryParam("scope") String scope, @QueryParam("owner") String owner,
            @QueryParam("provider") String provider, @QueryParam("name") String name) {
        String realmId = session.getContext().getRealm().getId();
        return answer(() -> KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(),
                background -> {
                    RealmModel realm = background.realms().getRealm(realmId);
                    background.getContext().setRealm(realm);
                    UserModel user = background.users().getUserByUsername(realm, reader);
                    ClientModel client = realm.getClientByClientId(clientId);
                    return background.getProvider(TenancyCredentialStore.class)
                            .reveal(user, client, CredentialScope.valueOf(scope), owner, provider, name)
                            .map(RevealedCredential::value).map(value -> Map.<String, Object>of("value", value));
                }));
    }

    @GET
    @Path("find")
    @Produces(MediaType.APPLICATION_JSON)
    public Response find(@QueryParam("reader") String reader, @QueryParam("scope") String scope,
            @QueryParam("owner") String owner, @QueryParam("provider") String provider, @QueryParam("name") String name) {
        RealmModel realm = session.getContext().getRealm();
        UserModel user = session.users().getUserByUsername(realm, reader);
        TenancyCredentialStore store = session.getProvider(TenancyCredentialStore.class);
        return answer(() -> store.find(user, CredentialScope.valueOf(scope), owner, provider, name).map(found -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", found.id());
            json.put("maskedValue", found.maskedValue());
            json.put("active", found.active());
            json.put("text", found.toString());
            return json;
        }));
    }

    private static Response answer(Supplier<Optional<Map<String, Object>>> read) {
        try {
            return read.get().map(json -> Response.ok(json).build())
                    .orElseGet(() -> Response.status(404).entity(Map.of("outcome", "empty")).build());
        } catch (CredentialAccessDeniedException e) {
            return Response.status(403).entity(Map.of("outcome", "denied", "message", e.getMessage())).build();
        } catch (TenancyException e) {
            return Response.status(500).entity(Map.of("outcome", "unreadable", "message", e.getMessage())).build();
        }
    }
}
