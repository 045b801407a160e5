package io.themodel.testing.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A database of its own on the PostgreSQL server our machines run (127.0.0.1:5432 unless {@code
 * THEMODEL_PG_URL} says otherwise; {@code THEMODEL_PG_USER}, {@code THEMODEL_PG_PASSWORD}), dropped
 * and created afresh so that no run sees what an earlier one left.
 */
public final class TestDatabase {

  private TestDatabase() {}

  /** The server URL without a database, e.g. {@code jdbc:postgresql://127.0.0.1:5432}. */
  public static String serverUrl() {
    String url =
        System.getenv().getOrDefault("THEMODEL_PG_URL", "jdbc:postgresql://127.0.0.1:5432");
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public static String user() {
    return System.getenv().getOrDefault("THEMODEL_PG_USER", "postgres");
  }

  public static String password() {
    return System.getenv().getOrDefault("THEMODEL_PG_PASSWORD", "");
  }

  public static String url(String database) {
    return serverUrl() + "/" + database;
  }

  /**
   * The name a test database really has: the name asked for, plus {@code THEMODEL_TEST_DB_SUFFIX}
   * when set, so that test runs in two work trees on one machine never drop each other's databases.
   */
  public static String name(String database) {
    String suffix = System.getenv().getOrDefault("THEMODEL_TEST_DB_SUFFIX", "");
    return suffix.isBlank() ? database : database + "_" + suffix;
  }

  /**
   * Drops the test database ({@link #name}) if it exists and creates it empty; returns its JDBC
   * URL.
   */
  public static String recreate(String requested) {
    String database = name(requested);
    requireSafeName(database);
    try (Connection admin = connect("postgres");
        Statement statement = admin.createStatement()) {
      statement.execute("drop database if exists \"" + database + "\" with (force)");
      statement.execute("create database \"" + database + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create database " + database + " on " + serverUrl() + ": " + e.getMessage(), e);
    }
    return url(database);
  }

  /** Creates the database unless it exists (the local run keeps its data between runs). */
  public static String ensure(String database) {
    requireSafeName(database);
    try (Connection admin = connect("postgres");
        Statement statement = admin.createStatement()) {
      try (var exists =
          statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
        if (!exists.next()) {
          statement.execute("create database \"" + database + "\"");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + database, e);
    }
    return url(database);
  }

  public static Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user());
    properties.setProperty("password", password());
    return DriverManager.getConnection(url(database), properties);
  }

  /** A connection to the database of the {@code @QuarkusTest} application running in this JVM. */
  public static Connection connectToServiceUnderTest() throws SQLException {
    org.eclipse.microprofile.config.Config config =
        org.eclipse.microprofile.config.ConfigProvider.getConfig();
    return DriverManager.getConnection(
        config.getValue("quarkus.datasource.jdbc.url", String.class),
        config.getValue("quarkus.datasource.username", String.class),
        config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
  }

  /** Whether {@code sql}, with the id as its one parameter, finds a row in that database. */
  public static boolean foundInServiceUnderTest(String sql, java.util.UUID id) {
    try (Connection connection = connectToServiceUnderTest();
        java.sql.PreparedStatement query = connection.prepareStatement(sql)) {
      query.setObject(1, id);
      try (java.sql.ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void requireSafeName(String database) {
    if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
  }

  /** Creates the named databases if missing: {@code TestDatabase lead is deal success kpi}. */
  public static void main(String[] databases) {
    for (String database : databases) {
      ensure(database);
      System.out.println("database " + database + " ready");
    }
  }
}
