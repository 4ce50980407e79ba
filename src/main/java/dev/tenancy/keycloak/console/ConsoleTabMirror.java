package dev.tenancy.keycloak.console;

import dev.tenancy.keycloak.config.TenancyConfig;
import dev.tenancy.keycloak.config.TenancyConfigText;
import java.util.List;
import java.util.Optional;
import org.keycloak.common.Profile;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiTabProvider;

/**
 * Keeps the admin console's tenancy tab (a component the console reads to fill its form) showing the
 * realm's configuration after it changed elsewhere — through the REST API or a realm import. Does
 * nothing while the experimental {@code declarative-ui} feature is off.
 */
final class ConsoleTabMirror {

    static final String TAB_ID = "tenancy";
    private static final String TAB_TYPE = UiTabProvider.class.getName();

    /** The tab's field that shows where the tenancy console is. */
    static final String CONSOLE = "console";

    private ConsoleTabMirror() {
    }

    static void refresh(RealmModel realm, TenancyConfig config) {
        if (!Profile.isFeatureEnabled(Profile.Feature.DECLARATIVE_UI)) {
            return;
        }
        TenancyConfigText.Fields fields = TenancyConfigText.format(config);
        Optional<ComponentModel> existing = realm.getComponentsStream(realm.getId(), TAB_TYPE)
                .filter(component -> TAB_ID.equals(component.getProviderId()))
                .findFirst();
        if (existing.isPresent()) {
            ComponentModel tab = existing.get();
            if (!fields.equals(TenancyConfigText.fieldsOf(tab.getConfig()))
                    || !List.of(TenancyConsoleClient.path(realm)).equals(tab.getConfig().get(CONSOLE))) {
                write(tab, fields);
                tab.getConfig().put(CONSOLE, List.of(TenancyConsoleClient.path(realm)));
                realm.updateComponent(tab);
            }
            return;
        }
        ComponentModel tab = new ComponentModel();
        tab.setName(TAB_ID);
        tab.setProviderId(TAB_ID);
        tab.setProviderType(TAB_TYPE);
        tab.setParentId(realm.getId());
        write(tab, fields);
        tab.getConfig().put(CONSOLE, List.of(TenancyConsoleClient.path(realm)));
        // The console adds the route parameter to what it saves; keep the stored form the same.
        tab.getConfig().put("tab", List.of(TAB_ID));
        realm.addComponentModel(tab);
    }

    private static void write(ComponentModel tab, TenancyConfigText.Fields fields) {
        tab.getConfig().put("roles", List.of(fields.roles()));
        tab.getConfig().put("modules", List.of(fields.modules()));
        tab.getConfig().put("invitationLifespanSeconds", List.of(fields.invitationLifespanSeconds()));
        tab.getConfig().put("apiKeyPrefix", List.of(fields.apiKeyPrefix()));
        tab.getConfig().put("invitationAllowDifferentEmail", List.of(fields.invitationAllowDifferentEmail()));
        tab.getConfig().put("apiKeyClients", List.of(fields.apiKeyClients()));
    }
}
