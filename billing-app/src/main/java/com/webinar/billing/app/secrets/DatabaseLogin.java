package com.webinar.billing.app.secrets;

import com.fasterxml.jackson.databind.JsonNode;

/** A database user and its password, as an RDS-style secret holds them ({@code {"username": ..., "password": ...}}). */
record DatabaseLogin(String username, String password) {

    static DatabaseLogin of(String arn, String secret) {
        JsonNode json = AwsSecrets.json(secret);
        String user = json.path("username").asText(null);
        String password = json.path("password").asText(null);
        if (user == null || password == null) {
            throw new IllegalStateException("the database secret " + arn + " has no username or no password");
        }
        return new DatabaseLogin(user, password);
    }
}
