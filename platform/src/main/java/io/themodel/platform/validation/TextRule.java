package io.themodel.platform.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;

/**
 * What any string in a request may hold: at most {@code themodel.api.max-text-length} characters,
 * no control characters but tab and line breaks (PostgreSQL cannot store NUL), and no half of a
 * surrogate pair. A string that breaks it is an {@link UnacceptableText}, a 400 naming the field.
 */
public class TextRule extends StdScalarDeserializer<String> {

  private final int maxLength;

  TextRule(int maxLength) {
    super(String.class);
    this.maxLength = maxLength;
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    String text = StringDeserializer.instance.deserialize(parser, context);
    if (text != null) {
      String fault = fault(text, maxLength);
      if (fault != null) {
        throw new UnacceptableText(parser, fault, text);
      }
    }
    return text;
  }

  /** What is wrong with the text, or null when it is acceptable. */
  static String fault(String text, int maxLength) {
    if (text.length() > maxLength) {
      return "is longer than " + maxLength + " characters";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        return "contains a control character (U+" + String.format("%04X", (int) c) + ")";
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return "contains half of a surrogate pair";
      }
      if (Character.isLowSurrogate(c)) {
        return "contains half of a surrogate pair";
      }
    }
    return null;
  }

  /** A string the API does not accept; its message says why. */
  public static class UnacceptableText extends InvalidFormatException {

    private final String reason;

    UnacceptableText(JsonParser parser, String reason, String text) {
      super(parser, reason, abbreviated(text), String.class);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }

    private static String abbreviated(String text) {
      return text.length() > 40 ? text.substring(0, 40) : text;
    }
  }
}
