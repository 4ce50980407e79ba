package dev.tenancy.keycloak.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** The form the invitation page posts when a new invitee registers (password {@code Secret-123}). */
public final class InvitationForms {

    private InvitationForms() {
    }

    /** {@code token} is the link's token, or the whole link (the text after {@code token=} is taken). */
    public static Map<String, String> registration(String token, String username) {
        int start = token.indexOf("token=");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", start < 0 ? token : token.substring(start + "token=".length()));
        form.put("action", "register");
        form.put("username", username);
        form.put("firstName", "New");
        form.put("lastName", "Member");
        form.put("password", "Secret-123");
        form.put("password-confirm", "Secret-123");
        return form;
    }
}
