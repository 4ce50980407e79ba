package dev.tenancy.keycloak.invitation;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

/**
 * An account for a new invitee, made from the invitation page's form. The email is the invited one,
 * whatever the form says. It counts as verified only when the link went to that address by mail and to no
 * one else (following it proves the mailbox); a link that was shown to its creator proves nothing, so that
 * account must pass Keycloak's verify-email step first. The realm's user profile and password policy
 * validate the rest, as on Keycloak's own registration page.
 */
final class InvitationRegistration {

    static final String USERNAME = "username";
    static final String FIRST_NAME = "firstName";
    static final String LAST_NAME = "lastName";
    static final String PASSWORD = "password";
    static final String PASSWORD_CONFIRM = "password-confirm";

    private final KeycloakSession session;
    private final RealmModel realm;

    InvitationRegistration(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Every problem with the form, checked without writing anything; empty when the account can be made. */
    List<FormMessage> validate(String email, MultivaluedMap<String, String> form) {
        List<FormMessage> errors = new ArrayList<>();
        try {
            profile(email, form).validate();
        } catch (ValidationException e) {
            for (ValidationException.Error error : e.getErrors()) {
                errors.add(new FormMessage(error.getAttribute(), error.getMessage(), error.getMessageParameters()));
            }
        }
        String password = form.getFirst(PASSWORD);
        if (password == null || password.isEmpty()) {
            errors.add(new FormMessage(PASSWORD, "missingPasswordMessage"));
        } else {
            if (!password.equals(form.getFirst(PASSWORD_CONFIRM))) {
                errors.add(new FormMessage(PASSWORD_CONFIRM, "invalidPasswordConfirmMessage"));
            }
            PolicyError policy = session.getProvider(PasswordPolicyManagerProvider.class)
                    .validate(username(email, form), password);
            if (policy != null) {
                errors.add(new FormMessage(PASSWORD, policy.getMessage(), policy.getParameters()));
            }
        }
        return errors;
    }

    /**
     * Creates the account; call only after {@link #validate} found nothing. Unless {@code emailProven}, the
     * account gets Keycloak's {@code VERIFY_EMAIL} required action.
     */
    UserModel create(String email, MultivaluedMap<String, String> form, boolean emailProven) {
        UserModel user = profile(email, form).create();
        user.setEnabled(true);
        user.setEmailVerified(emailProven);
        if (!emailProven) {
            user.addRequiredAction(UserModel.RequiredAction.VERIFY_EMAIL);
        }
        user.credentialManager().updateCredential(UserCredentialModel.password(form.getFirst(PASSWORD), false));
        return user;
    }

    private UserProfile profile(String email, MultivaluedMap<String, String> form) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(UserModel.USERNAME, username(email, form));
        attributes.put(UserModel.EMAIL, email);
        attributes.put(UserModel.FIRST_NAME, trimmed(form.getFirst(FIRST_NAME)));
        attributes.put(UserModel.LAST_NAME, trimmed(form.getFirst(LAST_NAME)));
        return session.getProvider(UserProfileProvider.class).create(UserProfileContext.REGISTRATION, attributes);
    }

    private String username(String email, MultivaluedMap<String, String> form) {
        return realm.isRegistrationEmailAsUsername() ? email : trimmed(form.getFirst(USERNAME));
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }
}
