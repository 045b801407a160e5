package io.themodel.kpi.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads the read model's views: one query, its parameters in order (instants as timestamps), one
 * mapped row per result row. Every figure endpoint reads through here.
 */
@ApplicationScoped
public class ReadModel {

  /** Maps the current row of a result. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet row) throws SQLException;
  }

  private final DataSource dataSource;
  private final ObjectMapper json;

  public ReadModel(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  /** A {@code jsonb} column read as text (an event's data), as JSON. */
  public JsonNode json(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the read model holds data that is not JSON", e);
    }
  }

  public <T> List<T> list(String sql, Row<T> row, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        Object parameter = parameters[i];
        if (parameter instanceof Instant instant) {
          select.setTimestamp(i + 1, Timestamp.from(instant));
        } else {
          select.setObject(i + 1, parameter);
        }
      }
      List<T> rows = new ArrayList<>();
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          rows.add(row.map(result));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the read model", e);
    }
  }

  /** The one row a query answers (an aggregate). */
  public <T> T one(String sql, Row<T> row, Object... parameters) {
    List<T> rows = list(sql, row, parameters);
    if (rows.size() != 1) {
      throw new IllegalStateException("expected one row, got " + rows.size());
    }
    return rows.get(0);
  }

  /**
   * The parameters of a query whose sub-queries each take the same ones: {@code parameters}
   * repeated {@code times} times, in order.
   */
  public static Object[] repeat(int times, Object... parameters) {
    Object[] repeated = new Object[times * parameters.length];
    for (int i = 0; i < times; i++) {
      System.arraycopy(parameters, 0, repeated, i * parameters.length, parameters.length);
    }
    return repeated;
  }

  /** {@code part / whole} to four places, or null when the whole is zero. */
  public static BigDecimal rate(long part, long whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
  }

  /** The instant in a column, or null. */
  public static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
