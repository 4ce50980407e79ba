package dev.tenancy.keycloak.rest;

/**
 * One operation, an HTTP method on a path template, compared across the document and the server by its
 * {@link #shape()}: parameter names and their regular expressions do not matter, nor does a trailing slash.
 */
record Endpoint(String method, String path) implements Comparable<Endpoint> {

    /** {@code GET /admin/realms/{}/tenancy/tenants/{}}. */
    String shape() {
        String shape = path.replaceAll("\\{[^}]*}", "{}");
        if (shape.length() > 1 && shape.endsWith("/")) {
            shape = shape.substring(0, shape.length() - 1);
        }
        return method + " " + shape;
    }

    @Override
    public int compareTo(Endpoint other) {
        int byPath = path.compareTo(other.path);
        return byPath != 0 ? byPath : method.compareTo(other.method);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
