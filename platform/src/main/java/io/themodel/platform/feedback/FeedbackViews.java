package io.themodel.platform.feedback;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.arc.properties.StringValueMatch;
import io.themodel.events.Department;
import io.themodel.events.feedback.FeedbackAcknowledged;
import io.themodel.events.feedback.FeedbackActedOn;
import io.themodel.events.feedback.FeedbackCategory;
import io.themodel.events.feedback.FeedbackGiven;
import io.themodel.events.feedback.FeedbackParty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@code feedback} table: the inline view of the feedback this department gave or received,
 * written in the transaction of the command or the intake that changed it.
 */
@ApplicationScoped
@IfBuildProperty(
    name = FeedbackViews.DEPARTMENT,
    stringValue = FeedbackViews.DEPARTMENTS,
    match = StringValueMatch.REGEX)
public class FeedbackViews {

  /** The build property that says which department a service is; feedback exists only there. */
  public static final String DEPARTMENT = "themodel.department";

  /** The values of {@link #DEPARTMENT} that switch the feedback endpoints and intake on. */
  public static final String DEPARTMENTS = "LEAD|IS|DEAL|SUCCESS";

  private static final String COLUMNS =
      "feedback_id, direction, from_department, to_party, lead_id, account_id, category, about,"
          + " text, given_by, given_at, status, acknowledged_by, acknowledged_at, comment,"
          + " acted_by, acted_at, action";

  private final DataSource dataSource;

  FeedbackViews(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Records feedback given here or received here; a second insert of the same id does nothing. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void insert(FeedbackGiven given, FeedbackView.Direction direction, Instant givenAt) {
    String sql =
        "insert into feedback (feedback_id, direction, from_department, to_party, lead_id,"
            + " account_id, category, about, text, given_by, given_at, status) values (?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN') on conflict (feedback_id) do nothing";
    update(
        sql,
        given.feedbackId(),
        direction.name(),
        given.from().name(),
        given.to().name(),
        given.leadId(),
        given.accountId(),
        given.category().name(),
        given.about(),
        given.text(),
        given.givenBy(),
        Timestamp.from(givenAt));
  }

  /** The receiver acknowledged: the status moves on unless it is already further. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void acknowledged(FeedbackAcknowledged ack, Instant at) {
    update(
        "update feedback set status = case when status = 'OPEN' then 'ACKNOWLEDGED' else status"
            + " end, acknowledged_by = ?, acknowledged_at = ?, comment = ? where feedback_id = ?",
        ack.acknowledgedBy(),
        Timestamp.from(at),
        ack.comment(),
        ack.feedbackId());
  }

  /** The receiver acted on it. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void actedOn(FeedbackActedOn acted, Instant at) {
    update(
        "update feedback set status = 'ACTED_ON', acted_by = ?, acted_at = ?, action = ? where"
            + " feedback_id = ?",
        acted.actedBy(),
        Timestamp.from(at),
        acted.action(),
        acted.feedbackId());
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<FeedbackView> find(UUID feedbackId) {
    List<FeedbackView> found =
        query("select " + COLUMNS + " from feedback where feedback_id = ?", feedbackId);
    return found.stream().findFirst();
  }

  /** Given or received feedback, newest first, optionally of one status. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<FeedbackView> list(
      FeedbackView.Direction direction, FeedbackStatus status, int limit) {
    if (status == null) {
      return query(
          "select "
              + COLUMNS
              + " from feedback where direction = ? order by given_at desc, feedback_id limit ?",
          direction.name(),
          limit);
    }
    return query(
        "select "
            + COLUMNS
            + " from feedback where direction = ? and status = ? order by given_at desc,"
            + " feedback_id limit ?",
        direction.name(),
        status.name(),
        limit);
  }

  private void update(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write feedback", e);
    }
  }

  private List<FeedbackView> query(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      try (ResultSet rows = statement.executeQuery()) {
        List<FeedbackView> views = new ArrayList<>();
        while (rows.next()) {
          views.add(read(rows));
        }
        return views;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read feedback", e);
    }
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      Object value = parameters[i];
      if (value == null) {
        statement.setNull(i + 1, Types.OTHER);
      } else {
        statement.setObject(i + 1, value);
      }
    }
  }

  private static FeedbackView read(ResultSet row) throws SQLException {
    return new FeedbackView(
        row.getObject("feedback_id", UUID.class),
        FeedbackView.Direction.valueOf(row.getString("direction")),
        Department.valueOf(row.getString("from_department")),
        FeedbackParty.valueOf(row.getString("to_party")),
        row.getObject("lead_id", UUID.class),
        row.getObject("account_id", UUID.class),
        FeedbackCategory.valueOf(row.getString("category")),
        row.getString("about"),
        row.getString("text"),
        row.getString("given_by"),
        instant(row.getTimestamp("given_at")),
        FeedbackStatus.valueOf(row.getString("status")),
        row.getString("acknowledged_by"),
        instant(row.getTimestamp("acknowledged_at")),
        row.getString("comment"),
        row.getString("acted_by"),
        instant(row.getTimestamp("acted_at")),
        row.getString("action"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
