package io.themodel.platform.problem;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads every service's typed query parameters (whole numbers such as {@code page}, {@code size}
 * and {@code limit}, ids such as {@code leadId}) so that a value of the wrong type is a 400 naming
 * the parameter, as for every other bad parameter: JAX-RS would answer a bare 404.
 */
@Provider
public class TypedQueryParameters implements ParamConverterProvider {

  @Override
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    String name = null;
    for (Annotation annotation : annotations) {
      if (annotation instanceof QueryParam query) {
        name = query.value();
      }
    }
    if (name == null) {
      return null;
    }
    if (rawType == UUID.class) {
      return new Typed<>(name, "must be a UUID", UUID::fromString);
    }
    if (rawType == Integer.class || rawType == int.class) {
      return new Typed<>(name, "must be a whole number", Integer::valueOf);
    }
    if (rawType == Long.class || rawType == long.class) {
      return new Typed<>(name, "must be a whole number", Long::valueOf);
    }
    return null;
  }

  private record Typed<T>(String name, String expected, Function<String, Object> parse)
      implements ParamConverter<T> {

    @Override
    @SuppressWarnings("unchecked") // the provider pairs each parse with its parameter's type
    public T fromString(String value) {
      if (value == null) {
        return null;
      }
      try {
        return (T) parse.apply(value);
      } catch (IllegalArgumentException e) {
        throw new InvalidParameter(name, expected);
      }
    }

    @Override
    public String toString(T value) {
      return String.valueOf(value);
    }
  }
}
