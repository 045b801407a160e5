package io.themodel.reliability;

import io.themodel.events.EventType;
import io.themodel.reliability.PlatformClient.Answer;
import io.themodel.testing.process.ServiceProcess.Service;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The commands one test sent and every answer each got, kept so that the books can be checked
 * against them afterwards. Thread-safe: the load's clients write to it concurrently.
 */
final class Ledger {

  /** What a command ended as, from the answers it got. */
  enum Outcome {
    /** An answer was 2xx: exactly one effect. */
    ACCEPTED,
    /**
     * A connection dropped without an answer, and the command re-sent answered 409 (the state it
     * would create is already there): the dropped one took effect, exactly once.
     */
    ALREADY_DONE,
    /** Only errors and refused connections: no effect. */
    REJECTED,
    /** A connection dropped and no re-send settled it: at most one effect. */
    AMBIGUOUS
  }

  /**
   * One command (e.g. "qualify lead X"), re-sent as often as it took, and the effect it must have:
   * events of {@code effect} in {@code service}'s store whose lead (or, for a capture, email) is
   * {@code subject}. Commands with the same effect and subject compete (concurrent conflicting
   * commands): together they must have exactly one effect if any of them had one.
   */
  static final class Command {
    private final String name;
    private final Service service;
    private final EventType effect;
    private final String subject;
    private final List<Answer> answers = new ArrayList<>();

    private Command(String name, Service service, EventType effect, String subject) {
      this.name = name;
      this.service = service;
      this.effect = effect;
      this.subject = subject;
    }

    synchronized void record(Answer answer) {
      answers.add(answer);
    }

    synchronized List<Answer> answers() {
      return List.copyOf(answers);
    }

    String name() {
      return name;
    }

    Service service() {
      return service;
    }

    EventType effect() {
      return effect;
    }

    String subject() {
      return subject;
    }

    synchronized Outcome outcome() {
      if (answers.stream().anyMatch(Answer::accepted)) {
        return Outcome.ACCEPTED;
      }
      int firstDrop = -1;
      for (int i = 0; i < answers.size(); i++) {
        if (answers.get(i).dropped()) {
          firstDrop = i;
          break;
        }
      }
      if (firstDrop < 0) {
        return Outcome.REJECTED;
      }
      boolean conflictAfterDrop =
          answers.subList(firstDrop, answers.size()).stream().anyMatch(a -> a.status() == 409);
      return conflictAfterDrop ? Outcome.ALREADY_DONE : Outcome.AMBIGUOUS;
    }

    @Override
    public synchronized String toString() {
      return name + " " + subject + " " + outcome() + " " + answers;
    }
  }

  private final String test;
  private final Collection<Command> commands = new ConcurrentLinkedQueue<>();

  Ledger(String test) {
    this.test = test;
  }

  String test() {
    return test;
  }

  Command command(String name, Service service, EventType effect, String subject) {
    Command command = new Command(name, service, effect, subject);
    commands.add(command);
    return command;
  }

  List<Command> commands() {
    return List.copyOf(commands);
  }

  /** Requests sent, every re-send included. */
  long requests() {
    return commands.stream().mapToLong(c -> c.answers().size()).sum();
  }

  long answers(java.util.function.Predicate<Answer> which) {
    return commands.stream().flatMap(c -> c.answers().stream()).filter(which).count();
  }

  /** Commands per outcome. */
  Map<Outcome, Long> outcomes() {
    return commands.stream()
        .collect(Collectors.groupingBy(Command::outcome, Collectors.counting()));
  }

  long accepted() {
    return commands.stream().filter(c -> c.outcome() == Outcome.ACCEPTED).count();
  }

  /** Commands grouped by what they compete for: their effect type and subject. */
  Map<String, List<Command>> bySubject() {
    Function<Command, String> key = c -> c.effect().typeName() + " " + c.subject();
    return commands.stream().collect(Collectors.groupingBy(key));
  }
}
