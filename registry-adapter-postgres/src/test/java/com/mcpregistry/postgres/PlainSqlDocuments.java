package com.mcpregistry.postgres;

import com.mcpregistry.http.serverjson.ServerJsonWriter;

/**
 * server.json documents for tests that write registrations with plain SQL: the document the registry stores for the
 * seed's simple fields, one streamable-HTTP remote, built in SQL from SQL expressions (a null title is left out).
 */
public final class PlainSqlDocuments {

    private PlainSqlDocuments() {}

    /**
     * A {@code jsonb} expression: the document of the server named {@code name} at {@code version}, with {@code title}
     * and {@code description}, reached at {@code url}; each argument is an SQL expression.
     */
    public static String oneRemote(String name, String version, String title, String description, String url) {
        return "jsonb_strip_nulls(jsonb_build_object('$schema', '" + ServerJsonWriter.SCHEMA_URL + "', 'name', " + name
                + ", 'description', " + description + ", 'title', " + title + ", 'version', " + version
                + ", 'remotes', jsonb_build_array(jsonb_build_object('type', 'streamable-http', 'url', " + url
                + "))))";
    }
}
