package dev.tenancy.keycloak.json;

import dev.tenancy.keycloak.error.TenancyException;

/** {@code first} and {@code max} query parameters, checked here so bad values are a 400, not a 404. */
public record Paging(int first, int max) {

    public static final int DEFAULT_MAX = 100;
    public static final int LIMIT = 1000;

    public static Paging of(String first, String max) {
        return new Paging(number("first", first, 0, Integer.MAX_VALUE, 0),
                number("max", max, 1, LIMIT, DEFAULT_MAX));
    }

    private static int number(String name, String text, int min, int limit, int absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw TenancyException.invalid("Query parameter '" + name + "' must be a whole number");
        }
        if (value < min || value > limit) {
            throw TenancyException.invalid("Query parameter '" + name + "' must be between " + min + " and " + limit);
        }
        return value;
    }
}
