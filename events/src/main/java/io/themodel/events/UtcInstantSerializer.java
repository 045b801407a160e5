package io.themodel.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes instants as {@link Instant#toString()} does ({@code 2026-12-06T23:02:28.123456Z}: the
 * fraction in groups of three digits, none when it is zero), without the {@code DateTimeFormatter}
 * that both it and Jackson's own writer go through (a fifth of the relay's envelope writing). Years
 * outside 0000-9999, which {@code toString} writes with a sign, are left to {@code toString}.
 */
final class UtcInstantSerializer extends StdScalarSerializer<Instant> {

  private static final long serialVersionUID = 1L;
  private static final int SECONDS_PER_DAY = 86_400;
  private static final long FIRST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
  private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

  UtcInstantSerializer() {
    super(Instant.class);
  }

  @Override
  public void serialize(Instant instant, JsonGenerator generator, SerializerProvider provider)
      throws IOException {
    generator.writeString(formatUtc(instant));
  }

  /** The instant as {@link Instant#toString()} writes it. */
  static String formatUtc(Instant instant) {
    char[] text = new char[30];
    int length = formatUtc(instant, text);
    return length < 0 ? instant.toString() : new String(text, 0, length);
  }

  /**
   * Writes the instant into {@code text} (30 characters at least) and returns how many characters
   * it took, or -1 for a year outside 0000-9999.
   */
  private static int formatUtc(Instant instant, char[] text) {
    long seconds = instant.getEpochSecond();
    long epochDay = Math.floorDiv(seconds, SECONDS_PER_DAY);
    if (epochDay < FIRST_DAY || epochDay > LAST_DAY) {
      return -1;
    }
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    digits(text, 0, 4, date.getYear());
    text[4] = '-';
    digits(text, 5, 2, date.getMonthValue());
    text[7] = '-';
    digits(text, 8, 2, date.getDayOfMonth());
    text[10] = 'T';
    digits(text, 11, 2, secondOfDay / 3600);
    text[13] = ':';
    digits(text, 14, 2, secondOfDay / 60 % 60);
    text[16] = ':';
    digits(text, 17, 2, secondOfDay % 60);
    int length = 19;
    int nanos = instant.getNano();
    if (nanos != 0) {
      text[length++] = '.';
      if (nanos % 1_000_000 == 0) {
        digits(text, length, 3, nanos / 1_000_000);
        length += 3;
      } else if (nanos % 1_000 == 0) {
        digits(text, length, 6, nanos / 1_000);
        length += 6;
      } else {
        digits(text, length, 9, nanos);
        length += 9;
      }
    }
    text[length++] = 'Z';
    return length;
  }

  /** {@code value} as {@code count} decimal digits, zero-padded, at {@code text[from]}. */
  private static void digits(char[] text, int from, int count, int value) {
    for (int i = from + count - 1; i >= from; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
