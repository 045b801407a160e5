package io.themodel.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service reads from its environment, derived from its configuration files (the shared
 * {@code platform/.../microprofile-config.properties} and the service's {@code
 * application.properties}): every variable a value names ({@code ${THEMODEL_PG_URL:...}}), and
 * every key's environment-variable form under MicroProfile Config's rule (each character that is
 * not a letter or digit becomes {@code _}, then upper case: {@code quarkus.http.port} is {@code
 * QUARKUS_HTTP_PORT}). Keys of the {@code %prod} profile count too ({@code _PROD_...}); test and
 * dev profile keys do not, a container never runs them.
 */
final class ServiceConfiguration {

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)");

  private ServiceConfiguration() {}

  static Set<String> environmentVariablesReadBy(String service) {
    Set<String> names = new TreeSet<>();
    read(
        Repository.file("platform/src/main/resources/META-INF/microprofile-config.properties"),
        names);
    read(Repository.file(service + "/src/main/resources/application.properties"), names);
    return names;
  }

  /** MicroProfile Config's environment-variable name of a property key. */
  static String environmentName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  private static void read(Path file, Set<String> names) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String key : properties.stringPropertyNames()) {
      if (!key.startsWith("%") || key.startsWith("%prod.")) {
        names.add(environmentName(key));
      }
      Matcher reference = REFERENCE.matcher(properties.getProperty(key));
      while (reference.find()) {
        names.add(reference.group(1));
      }
    }
  }
}
