package com.webinar.billing.local;

import io.agroal.api.AgroalDataSource;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the cancel and sub-account tests do besides {@link Api}: the three functions, sub-account data, rows. */
@ApplicationScoped
public class SubAccountSteps {

    /** A sub-account a test made, with its admin user (a sub-account user). */
    public record SubAccount(String id, String purchaseId, String adminId, String name) {}

    @Inject
    Api api;

    @Inject
    AgroalDataSource dataSource;

    public Map<String, Object> createBody(String name, String adminId) {
        return Map.of(
                "name",
                name,
                "storageGb",
                50,
                "recordingHours",
                20,
                "admin",
                Map.of("userId", adminId, "name", "Admin of " + name));
    }

    public Response create(String token, Map<String, Object> body) {
        return api.post("subaccount-create", token, body);
    }

    /** Creates a sub-account as the owner; fails the test unless it is created. */
    public SubAccount create(Api.Account account, String name) {
        String adminId = "admin-" + UUID.randomUUID();
        String id = create(api.token(account.ownerId()), createBody(name, adminId))
                .then()
                .statusCode(200)
                .extract()
                .path("subAccountId");
        String purchaseId = text("select purchase_id::text from sub_account where id = ?::uuid", id);
        return new SubAccount(id, purchaseId, adminId, name);
    }

    public Response delete(String token, String subAccountId, Boolean confirm) {
        Map<String, Object> body = new HashMap<>();
        body.put("subAccountId", subAccountId);
        if (confirm != null) {
            body.put("confirm", confirm);
        }
        return api.post("subaccount-delete", token, body);
    }

    public Response cancel(String token, String purchaseId, Boolean confirmErasure) {
        Map<String, Object> body = new HashMap<>();
        body.put("purchaseId", purchaseId);
        if (confirmErasure != null) {
            body.put("confirmErasure", confirmErasure);
        }
        return api.post("cancel", token, body);
    }

    /**
     * Gives a sub-account data as the platform's other services would: events, recordings (of its first event)
     * and files, each carrying {@code marker} in its title or name so that a test can look for it afterwards.
     */
    public void addData(String subAccountId, String marker, int events, int recordings, int files) {
        api.execute(
                "insert into sub_account_event (id, sub_account_id, title, starts_at, created_at)"
                        + " select gen_random_uuid(), ?::uuid, ? || ' webinar ' || g, now(), now()"
                        + " from generate_series(1, ?) g",
                subAccountId,
                marker,
                events);
        api.execute(
                "insert into sub_account_recording"
                        + " (id, sub_account_id, event_id, title, duration_seconds, storage_key, created_at)"
                        + " select gen_random_uuid(), ?::uuid,"
                        + " (select e.id from sub_account_event e where e.sub_account_id = ?::uuid limit 1),"
                        + " ? || ' recording ' || g, 3600, 'media/' || gen_random_uuid(), now()"
                        + " from generate_series(1, ?) g",
                subAccountId,
                subAccountId,
                marker,
                recordings);
        api.execute(
                "insert into sub_account_file (id, sub_account_id, name, size_bytes, storage_key, created_at)"
                        + " select gen_random_uuid(), ?::uuid, ? || ' slides ' || g || '.pdf', 1024, "
                        + " 'files/' || gen_random_uuid(), now() from generate_series(1, ?) g",
                subAccountId,
                marker,
                files);
    }

    /** How many rows of the sub-account's own data exist: users, events, recordings, files. */
    public List<Long> dataOf(String subAccountId) {
        return List.of(
                api.count("select count(*) from app_user where sub_account_id = ?::uuid", subAccountId),
                api.count("select count(*) from sub_account_event where sub_account_id = ?::uuid", subAccountId),
                api.count("select count(*) from sub_account_recording where sub_account_id = ?::uuid", subAccountId),
                api.count("select count(*) from sub_account_file where sub_account_id = ?::uuid", subAccountId));
    }

    public String text(String sql, Object... params) {
        List<List<String>> rows = rows(sql, params);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    /** Every row of a query, each column as text. */
    public List<List<String>> rows(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                List<List<String>> rows = new ArrayList<>();
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(r.getString(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
