package dev.tenancy.keycloak.join;

import dev.tenancy.keycloak.TenancyRequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Registers {@link JoinByDomainAction}; a realm gets it when a tenant first turns joining by domain on, so realms
 * that never use it run nothing at sign-in.
 */
public final class JoinByDomainActionFactory implements TenancyRequiredActionFactory {

    private static final String DISPLAY_TEXT = "Join tenant by verified domain";
    private static final JoinByDomainAction INSTANCE = new JoinByDomainAction();

    /** Adds the action to the realm, enabled, unless it is there already; an operator may disable it. */
    static void ensureRegistered(RealmModel realm) {
        new JoinByDomainActionFactory().registerIn(realm);
    }

    @Override
    public int priority() {
        return 1001;
    }

    @Override
    public String getId() {
        return JoinByDomainAction.ID;
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
