package io.themodel.testing.postgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a fresh database of its own on the real PostgreSQL server; the
 * {@code database} init argument names it.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

  private String database;

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.get("database");
    if (database == null) {
      throw new IllegalArgumentException("PostgresResource needs the init argument 'database'");
    }
  }

  @Override
  public Map<String, String> start() {
    return Map.of(
        "quarkus.datasource.jdbc.url", TestDatabase.recreate(database),
        "quarkus.datasource.username", TestDatabase.user(),
        "quarkus.datasource.password", TestDatabase.password());
  }

  @Override
  public void stop() {
    // Left in place for inspection; the next run recreates it.
  }
}
