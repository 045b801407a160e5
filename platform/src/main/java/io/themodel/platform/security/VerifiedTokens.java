package io.themodel.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies each bearer token once. The same token comes back on every call a client makes, and
 * checking its RS256 signature again took ~0.8 ms of CPU per request, a sixth of a capture's. A
 * token the parser accepted is answered from memory until its expiry, and for at most a minute, so
 * that a setting that would refuse it later (a maximum age, a new key) takes effect within that
 * minute. A token the parser refuses is never remembered.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

  /** Tokens remembered at most; beyond that the memory starts again (callers are few). */
  static final int MAX_TOKENS = 1024;

  /** How long a verification is trusted, at most. */
  static final long MAX_SECONDS = 60;

  private record Verified(JsonWebToken token, long untilEpochSecond) {}

  private final DefaultJWTParser parser;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  VerifiedTokens(DefaultJWTParser parser) {
    this.parser = parser;
  }

  @Override
  public JsonWebToken parse(String bearer) throws ParseException {
    // the wall clock, as the parser's own expiry check uses, never the simulation clock
    long now = Instant.now().getEpochSecond();
    Verified known = verified.get(bearer);
    if (known != null && now < known.untilEpochSecond()) {
      return known.token();
    }
    JsonWebToken token = parser.parse(bearer);
    long until = Math.min(token.getExpirationTime(), now + MAX_SECONDS);
    if (until > now) {
      if (verified.size() >= MAX_TOKENS) {
        verified.clear();
      }
      verified.put(bearer, new Verified(token, until));
    } else {
      verified.remove(bearer);
    }
    return token;
  }

  @Override
  public JsonWebToken parse(String bearer, JWTAuthContextInfo context) throws ParseException {
    return parser.parse(bearer, context);
  }

  @Override
  public JsonWebToken verify(String bearer, PublicKey key) throws ParseException {
    return parser.verify(bearer, key);
  }

  @Override
  public JsonWebToken verify(String bearer, SecretKey key) throws ParseException {
    return parser.verify(bearer, key);
  }

  @Override
  public JsonWebToken verify(String bearer, String secret) throws ParseException {
    return parser.verify(bearer, secret);
  }

  @Override
  public JsonWebToken decrypt(String bearer, PrivateKey key) throws ParseException {
    return parser.decrypt(bearer, key);
  }

  @Override
  public JsonWebToken decrypt(String bearer, SecretKey key) throws ParseException {
    return parser.decrypt(bearer, key);
  }

  @Override
  public JsonWebToken decrypt(String bearer, String secret) throws ParseException {
    return parser.decrypt(bearer, secret);
  }

  @Override
  public JsonWebToken parseOnly(String bearer) throws ParseException {
    return parser.parseOnly(bearer);
  }
}
