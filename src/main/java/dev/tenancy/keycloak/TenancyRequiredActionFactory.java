package dev.tenancy.keycloak;

import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;

/**
 * A required action of the extension, added to a realm when a feature is first used there (not at start), so that
 * realms which never use it run nothing at sign-in.
 */
public interface TenancyRequiredActionFactory
        extends RequiredActionFactory, TenancyProviderFactory<RequiredActionProvider> {

    /** The action's place among the realm's required actions (Keycloak's own use 0–100ish). */
    int priority();

    /**
     * Adds the action to the realm, enabled and not a default action, unless it is there already: an operator who
     * disables it keeps it disabled.
     */
    default void registerIn(RealmModel realm) {
        if (realm.getRequiredActionProviderByAlias(getId()) != null) {
            return;
        }
        RequiredActionProviderModel model = new RequiredActionProviderModel();
        model.setAlias(getId());
        model.setProviderId(getId());
        model.setName(getDisplayText());
        model.setEnabled(true);
        model.setDefaultAction(false);
        model.setPriority(priority());
        realm.addRequiredActionProvider(model);
    }
}
