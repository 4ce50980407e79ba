package dev.tenancy.keycloak.invitation;

import dev.tenancy.keycloak.error.TenancyException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.utils.RedirectUtils;

/**
 * Where an invitee lands after accepting: a client of the realm and one of its valid redirect URIs, or
 * nothing (both null) for the account console.
 */
record InvitationLanding(String clientId, String redirectUri) {

    static InvitationLanding of(KeycloakSession session, RealmModel realm, InvitationInput input) {
        if (input.clientId().isEmpty()) {
            return new InvitationLanding(null, null);
        }
        ClientModel client = session.clients().getClientByClientId(realm, input.clientId().get());
        if (client == null || !client.isEnabled()) {
            throw TenancyException.invalid("Field 'clientId' names no enabled client of this realm");
        }
        String requested = input.redirectUri().orElse(null);
        // Keycloak's own check, as at the authorization endpoint; without a value it takes the client's only one.
        String verified = RedirectUtils.verifyRedirectUri(session, requested, client);
        if (verified == null) {
            throw TenancyException.invalid(requested == null
                    ? "Field 'redirectUri' is required for this client"
                    : "Field 'redirectUri' is not a valid redirect URI of client '" + client.getClientId() + "'");
        }
        return new InvitationLanding(client.getClientId(), verified);
    }
}
