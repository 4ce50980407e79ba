package dev.tenancy.keycloak.invitation;

import dev.tenancy.keycloak.TenancyProviderFactory;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;

/** Registers {@link AcceptInvitationAction}; a realm gets it the first time an invitation link starts a login. */
public final class AcceptInvitationActionFactory implements RequiredActionFactory, TenancyProviderFactory<RequiredActionProvider> {

    private static final String DISPLAY_TEXT = "Accept tenant invitation";
    private static final AcceptInvitationAction INSTANCE = new AcceptInvitationAction();

    /**
     * Adds the required action to the realm, enabled, unless it is there already. An operator who disables it
     * turns invitation acceptance for existing users off.
     */
    static void ensureRegistered(RealmModel realm) {
        if (realm.getRequiredActionProviderByAlias(AcceptInvitationAction.ID) != null) {
            return;
        }
        RequiredActionProviderModel model = new RequiredActionProviderModel();
        model.setAlias(AcceptInvitationAction.ID);
        model.setProviderId(AcceptInvitationAction.ID);
        model.setName(DISPLAY_TEXT);
        model.setEnabled(true);
        model.setDefaultAction(false);
        model.setPriority(1000);
        realm.addRequiredActionProvider(model);
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
