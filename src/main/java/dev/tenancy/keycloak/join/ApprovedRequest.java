package dev.tenancy.keycloak.join;

import java.util.SortedSet;

/** The answer to an approval: who joined, with which roles. */
public record ApprovedRequest(String userId, SortedSet<String> roles) {
}
