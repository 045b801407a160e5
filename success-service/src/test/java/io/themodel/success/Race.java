package io.themodel.success;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.themodel.testing.security.ServiceTokens;
import io.themodel.testing.security.Tokens;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Several clients POSTing to the running service at the same moment, each on its own thread. {@link
 * #heldAtAppend} makes the race certain: it holds every append to the event store until all the
 * commands have read their stream, so they all decide on the same version.
 */
public final class Race implements AutoCloseable {

  /** One POST: the path (from the service's root) and its JSON body. */
  public record Post(String path, String body) {}

  /** What one client got back. */
  public record Answer(int status, String contentType, JsonNode body) {}

  private final DataSource dataSource;
  private final URL base;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final ExecutorService clients = Executors.newCachedThreadPool();

  public Race(DataSource dataSource, URL base) {
    this.dataSource = dataSource;
    this.base = base;
  }

  /** Sends the posts at once, as they come. */
  public List<Answer> atOnce(List<Post> posts) throws Exception {
    return collect(fire(posts));
  }

  /**
   * Sends the posts at once with the event store locked against writes (reads pass), waits until
   * every one of them is waiting to append, then lets them go: they all read the same version.
   */
  public List<Answer> heldAtAppend(List<Post> posts) throws Exception {
    List<Future<Answer>> answers = new ArrayList<>();
    try (Connection gate = dataSource.getConnection()) {
      gate.setAutoCommit(false);
      try (Statement lock = gate.createStatement()) {
        lock.execute("lock table event_store in share row exclusive mode");
      }
      answers.addAll(fire(posts));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> appendsWaiting() >= posts.size() || answers.stream().anyMatch(Future::isDone));
      assertThat(answers).as("no command may answer before its append").noneMatch(Future::isDone);
      gate.rollback();
    }
    return collect(answers);
  }

  @Override
  public void close() {
    clients.shutdownNow();
  }

  private List<Future<Answer>> fire(List<Post> posts) {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Answer>> answers = new ArrayList<>();
    for (Post post : posts) {
      answers.add(clients.submit(() -> send(start, post)));
    }
    start.countDown();
    return answers;
  }

  private Answer send(CountDownLatch start, Post post) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base.toString()).resolve(post.path()))
            .header("Content-Type", "application/json")
            .header("Authorization", Tokens.bearer(ServiceTokens.ownRole()))
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(post.body()))
            .build();
    start.await();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        json.readTree(response.body()));
  }

  private static List<Answer> collect(List<Future<Answer>> answers) throws Exception {
    List<Answer> done = new ArrayList<>();
    for (Future<Answer> answer : answers) {
      done.add(answer.get(60, TimeUnit.SECONDS));
    }
    return done;
  }

  /** Appends to the event store waiting on the gate's lock. */
  private int appendsWaiting() throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement query = connection.createStatement();
        ResultSet rows =
            query.executeQuery(
                "select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                    + " where not l.granted and l.relation = 'event_store'::regclass"
                    + " and a.query ilike 'insert into event_store%'")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
