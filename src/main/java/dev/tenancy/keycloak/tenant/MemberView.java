package dev.tenancy.keycloak.tenant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import org.keycloak.models.UserModel;

/** A tenant member with the tenant roles they hold. */
public record MemberView(String userId, String username, String email, SortedSet<String> roles) {

    static MemberView of(UserModel user, SortedSet<String> roles) {
        return new MemberView(user.getId(), user.getUsername(), user.getEmail(), roles);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("userId", userId);
        json.put("username", username);
        json.put("email", email);
        json.put("roles", roles);
        return json;
    }
}
