package io.themodel.platform.relay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connections to the service's own database outside its pool. For the relay's threads: the relay's
 * lock must live and die with one connection of its own, and its wake-up must not wait behind the
 * requests that hold every pooled connection. For kpi-projector's rebuild: the session settings it
 * makes (its schema as {@code search_path}) must end with it, not go back to the pool.
 */
@ApplicationScoped
public class StoreConnections {

  private final String jdbcUrl;
  private final String username;
  private final Optional<String> password;

  @Inject
  public StoreConnections(
      @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
      @ConfigProperty(name = "quarkus.datasource.username") String username,
      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
    this.jdbcUrl = jdbcUrl;
    this.username = username;
    this.password = password;
  }

  /** A new connection, named {@code applicationName} in {@code pg_stat_activity}. */
  public Connection open(String applicationName) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", username);
    password.ifPresent(secret -> properties.setProperty("password", secret));
    properties.setProperty("ApplicationName", applicationName);
    properties.setProperty("tcpKeepAlive", "true");
    return DriverManager.getConnection(jdbcUrl, properties);
  }
}
