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
 * one else (following it proves the mailbox), and only then does the form set a password. A link that was
 * shown to its creator proves nothing: that account gets no credential from the visitor at all, only
 * Keycloak's VERIFY_EMAIL and UPDATE_PASSWORD required actions, which the mailbox owner completes from
 * {@link AccountSetupMail}. The realm's user profile and password policy validate the rest, as on Keycloak's
 * own registration page.
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

    /**
     * Every problem with the form, checked without writing anything; empty when the account can be made.
     * Without {@code withPassword} the password fields are not read.
     */
    List<FormMessage> validate(String email, MultivaluedMap<String, String> form, boolean withPassword) {
        List<FormMessage> errors = new ArrayList<>();
        try {
            profile(email, form).validate();
        } catch (ValidationException e) {
            for (ValidationException.Error error : e.getErrors()) {
                errors.add(new FormMessage(error.getAttribute(), error.getMessage(), error.getMessageParameters()));
            }
        }
        if (!withPassword) {
            return errors;
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

    /** Creates a verified account with the form's password; call only after {@link #validate} found nothing. */
    UserModel createProven(String email, MultivaluedMap<String, String> form) {
        UserModel user = profile(email, form).create();
        user.setEnabled(true);
        user.setEmailVerified(true);
        user.credentialManager().updateCredential(UserCredentialModel.password(form.getFirst(PASSWORD), false));
        return user;
    }

    /**
     * Creates an unverified account without any credential, whose owner must verify the address and choose a
     * password, then accepts the invitation at the end of that login ({@link AcceptInvitationAction}, stored
     * on the user because that login starts from Keycloak's mail, not from the invitation link).
     */
    UserModel createUnproven(String email, MultivaluedMap<String, String> form) {
        UserModel user = profile(email, form).create();
        user.setEnabled(true);
        user.setEmailVerified(false);
        AccountSetupMail.ACTIONS.forEach(user::addRequiredAction);
        AcceptInvitationActionFactory.ensureRegistered(realm);
        user.addRequiredAction(AcceptInvitationAction.ID);
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
