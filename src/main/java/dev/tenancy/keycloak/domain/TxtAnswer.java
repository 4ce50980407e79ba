package dev.tenancy.keycloak.domain;

import java.util.List;

/** What DNS answered for a name's TXT records: whether the name exists at all, and the TXT strings it holds. */
public record TxtAnswer(boolean nameExists, List<String> values) {

    public TxtAnswer {
        values = List.copyOf(values);
    }

    public static TxtAnswer noSuchName() {
        return new TxtAnswer(false, List.of());
    }
}
