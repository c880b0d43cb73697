package com.webinar.billing.dev;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Plain JDBC for tests that arrange or inspect the database directly, each statement in its own connection. */
public record Sql(DataSource dataSource) {

    public void execute(String sql, Object... params) {
        run(sql, params, s -> {
            s.execute();
            return null;
        });
    }

    /** The first column of the first row as a number (0 for SQL null); fails when there is no row. */
    public long number(String sql, Object... params) {
        return run(sql, params, s -> {
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("no row: " + sql);
                }
                return r.getLong(1);
            }
        });
    }

    /** The first column of every row, as numbers. */
    public List<Long> numbers(String sql, Object... params) {
        return run(sql, params, s -> {
            List<Long> values = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getLong(1));
                }
            }
            return values;
        });
    }

    /** The first column of the first row as text; null when there is no row. */
    public String text(String sql, Object... params) {
        return run(sql, params, s -> {
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        });
    }

    private interface Statement<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private <T> T run(String sql, Object[] params, Statement<T> body) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return body.run(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
