package io.themodel.kpi.rebuild;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /rebuild} replays every topic from offset zero into a fresh schema while the live
 * read model keeps serving, and swaps the two when the replay has caught up; {@code GET /rebuild}
 * shows how far it is (events applied, lag, events/s, ETA).
 */
@Path("/rebuild")
public class RebuildResource {

  private final Rebuild rebuild;

  RebuildResource(Rebuild rebuild) {
    this.rebuild = rebuild;
  }

  @POST
  public Response start() {
    return Response.accepted(rebuild.start()).header("Location", "/rebuild").build();
  }

  @GET
  public Rebuild.Progress progress() {
    return rebuild.progress();
  }
}
