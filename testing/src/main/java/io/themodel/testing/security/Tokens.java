package io.themodel.testing.security;

import io.smallrye.jwt.build.Jwt;
import io.themodel.events.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens for tests and local runs, signed with the dev key pair checked in beside this class
 * (never accepted by a production deployment, which configures its own public key). Services under
 * test verify with {@link #PUBLIC_KEY_RESOURCE}; processes get {@link #serviceEnvironment()}.
 */
public final class Tokens {

  /** The {@code iss} every dev and test token carries, and services expect outside production. */
  public static final String ISSUER = "https://themodel.io/dev";

  /** Classpath location of the dev public key, for {@code mp.jwt.verify.publickey.location}. */
  public static final String PUBLIC_KEY_RESOURCE = "io/themodel/testing/security/dev-public.pem";

  private static final String PRIVATE_KEY_RESOURCE = "io/themodel/testing/security/dev-private.pem";
  private static final PrivateKey DEV_KEY = privateKey(read(PRIVATE_KEY_RESOURCE));

  private Tokens() {}

  private static final Map<Role, Minted> MINTED = new ConcurrentHashMap<>();

  private record Minted(String token, Instant renewAfter) {}

  /**
   * The {@code Authorization} header value for a caller with this role: a token valid for an hour,
   * reused for 50 minutes (signing costs a millisecond, and load drivers call this per request).
   */
  public static String bearer(Role role) {
    Minted minted =
        MINTED.compute(
            role,
            (r, known) ->
                known != null && Instant.now().isBefore(known.renewAfter())
                    ? known
                    : new Minted(
                        token(r, Duration.ofHours(1)), Instant.now().plus(Duration.ofMinutes(50))));
    return "Bearer " + minted.token();
  }

  /** A signed token carrying {@code role}, valid for {@code lifetime}. */
  public static String token(Role role, Duration lifetime) {
    Instant now = Instant.now();
    return sign(role, now, now.plus(lifetime), DEV_KEY);
  }

  /** A token signed with the dev key whose expiry passed ten minutes ago. */
  public static String expired(Role role) {
    Instant now = Instant.now();
    return sign(role, now.minus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(10)), DEV_KEY);
  }

  /** A token that is well-formed and current but signed by a key no service trusts. */
  public static String signedByStranger(Role role) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      Instant now = Instant.now();
      return sign(
          role, now, now.plus(Duration.ofHours(1)), generator.generateKeyPair().getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Environment for a packaged service process: the dev public key (written to a file) and issuer.
   * The production profile has no default for these, so a deployment that forgets them fails to
   * start rather than trusting the dev key.
   */
  public static Map<String, String> serviceEnvironment() {
    return Map.of(
        "THEMODEL_JWT_PUBLIC_KEY_LOCATION",
        publicKeyFile().toString(),
        "THEMODEL_JWT_ISSUER",
        ISSUER);
  }

  /** The dev public key as a file (written once per JVM under the temp directory). */
  public static synchronized Path publicKeyFile() {
    try {
      Path file = Path.of(System.getProperty("java.io.tmpdir"), "themodel-dev-public.pem");
      String pem = read(PUBLIC_KEY_RESOURCE);
      if (!Files.exists(file) || !Files.readString(file).equals(pem)) {
        Files.writeString(file, pem);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sign(Role role, Instant issuedAt, Instant expiresAt, PrivateKey key) {
    return Jwt.issuer(ISSUER)
        .upn("dev-" + role.claim())
        .groups(Set.of(role.claim()))
        .issuedAt(issuedAt)
        .expiresAt(expiresAt)
        .sign(key);
  }

  private static String read(String resource) {
    try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PrivateKey privateKey(String pem) {
    String base64 =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("unreadable dev private key", e);
    }
  }
}
