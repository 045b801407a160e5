package io.themodel.dev.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.themodel.testing.process.ServiceProcess.Service;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway retries a command that lost the append to a concurrent change (the platform's 409
 * "reload and retry"), and stops on any other answer it did not expect. A local HTTP server plays
 * deal-service and answers from a script.
 */
class PlatformGatewayTest {

  private static final String CONCURRENT_WRITE =
      "{\"type\":\"https://themodel.io/problems/concurrent-write\",\"status\":409,"
          + "\"detail\":\"Another change to the same resource came first; reload and retry.\"}";
  private static final String DOMAIN_CONFLICT =
      "{\"type\":\"about:blank\",\"status\":409,\"detail\":\"The target of 2027-01 is"
          + " locked.\"}";

  private final Deque<Object[]> script = new ArrayDeque<>();
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;
  private PlatformGateway gateway;

  @BeforeEach
  void deal_service_answers_from_a_script() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          Object[] answer = script.isEmpty() ? new Object[] {200, "{}"} : script.poll();
          byte[] body = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders((Integer) answer[0], body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    Map<Service, URI> services = new EnumMap<>(Service.class);
    services.put(Service.DEAL, URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    gateway = new PlatformGateway(services, 1);
  }

  @AfterEach
  void stop() {
    gateway.close();
    server.stop(0);
  }

  @Test
  void a_command_that_lost_the_append_to_a_concurrent_change_is_retried_until_it_lands() {
    script.add(new Object[] {409, CONCURRENT_WRITE});
    script.add(new Object[] {409, CONCURRENT_WRITE});
    script.add(new Object[] {200, "{}"});

    gateway.execute(List.of(target()));

    assertThat(requests).hasValue(3);
  }

  @Test
  void a_conflict_with_the_domain_stops_the_run_at_once() {
    script.add(new Object[] {409, DOMAIN_CONFLICT});

    assertThatThrownBy(() -> gateway.execute(List.of(target())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("answered 409")
        .hasMessageContaining("locked");
    assertThat(requests).hasValue(1);
  }

  @Test
  void a_concurrent_write_that_never_ends_stops_the_run_after_a_few_retries() {
    for (int i = 0; i < 20; i++) {
      script.add(new Object[] {409, CONCURRENT_WRITE});
    }

    assertThatThrownBy(() -> gateway.execute(List.of(target())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("answered 409");
    assertThat(requests).hasValue(1 + PlatformGateway.CONCURRENT_WRITE_RETRIES);
  }

  private static Action target() {
    return new Action.SetTarget(YearMonth.of(2027, 1), BigDecimal.valueOf(1_000_000), "JPY");
  }
}
