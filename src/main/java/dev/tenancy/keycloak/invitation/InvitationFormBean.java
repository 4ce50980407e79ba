package dev.tenancy.keycloak.invitation;

import jakarta.ws.rs.core.MultivaluedMap;

/** The registration fields a page shows again after an error; never the password. */
public final class InvitationFormBean {

    private final MultivaluedMap<String, String> form;

    InvitationFormBean(MultivaluedMap<String, String> form) {
        this.form = form;
    }

    public String getUsername() {
        return value(InvitationRegistration.USERNAME);
    }

    public String getFirstName() {
        return value(InvitationRegistration.FIRST_NAME);
    }

    public String getLastName() {
        return value(InvitationRegistration.LAST_NAME);
    }

    private String value(String field) {
        String value = form.getFirst(field);
        return value == null ? "" : value;
    }
}
