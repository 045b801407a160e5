package io.themodel.lead.imports;

import io.themodel.platform.problem.InvalidParameter;
import io.themodel.platform.store.EventMetadata;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * {@code POST /leads/import}: a CSV list (UTF-8, Japanese welcome, up to 100,000 rows) answered
 * with a report per row: accepted, duplicate (an email already known, or a re-sent upload), or
 * rejected with the reason.
 */
@Path("/leads/import")
public class ImportResource {

  private final LeadImport imports;

  ImportResource(LeadImport imports) {
    this.imports = imports;
  }

  @POST
  @Consumes({"text/csv", "application/csv"})
  public LeadImport.Report importCsv(
      @HeaderParam("Idempotency-Key") @Size(min = 1, max = 150) String idempotencyKey,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      byte[] body) {
    if (body == null || body.length == 0) {
      throw new InvalidParameter("body", "is empty: a header row is required");
    }
    return imports.importCsv(
        utf8(body), idempotencyKey, EventMetadata.command(correlationId, "marketing"));
  }

  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidParameter("body", "is not UTF-8 text");
    }
  }
}
