package dev.tenancy.keycloak.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.SortedSet;
import org.keycloak.models.UserModel;

/** A tenant member with the tenant roles they hold; a user without email has no {@code email} field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberView(String userId, String username, String email, SortedSet<String> roles) {

    static MemberView of(UserModel user, SortedSet<String> roles) {
        return new MemberView(user.getId(), user.getUsername(), user.getEmail(), roles);
    }
}
