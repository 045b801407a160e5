package io.themodel.platform.validation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How request bodies are read: a field the API does not know, a fraction for a whole number or a
 * number for an enum is an error (400 naming the field; an absent primitive keeps its default, as
 * the API always had it), and every string obeys {@link TextRule}. Events are not read with this
 * mapper ({@code EventCodec} has its own, which tolerates fields added by newer producers).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  private final int maxTextLength;

  StrictJson(@ConfigProperty(name = "themodel.api.max-text-length") int maxTextLength) {
    this.maxTextLength = maxTextLength;
  }

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.registerModule(
        new SimpleModule("themodel-text")
            .addDeserializer(String.class, new TextRule(maxTextLength)));
  }
}
