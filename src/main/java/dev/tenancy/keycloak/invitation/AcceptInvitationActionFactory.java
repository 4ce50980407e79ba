package dev.tenancy.keycloak.invitation;

import dev.tenancy.keycloak.TenancyRequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Registers {@link AcceptInvitationAction}; a realm gets it the first time an invitation link starts a login. */
public final class AcceptInvitationActionFactory implements TenancyRequiredActionFactory {

    private static final String DISPLAY_TEXT = "Accept tenant invitation";
    private static final AcceptInvitationAction INSTANCE = new AcceptInvitationAction();

    /**
     * Adds the required action to the realm, enabled, unless it is there already. An operator who disables it
     * turns invitation acceptance for existing users off.
     */
    static void ensureRegistered(RealmModel realm) {
        new AcceptInvitationActionFactory().registerIn(realm);
    }

    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public String getId() {
        return AcceptInvitationAction.ID;
    }

    @Override
    public String getDisplayText() {
        return DISPLAY_TEXT;
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return INSTANCE;
    }
}
