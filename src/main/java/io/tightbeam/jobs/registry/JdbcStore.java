package io.tightbeam.jobs.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The job store on one JDBC connection, in SQL that SQLite and PostgreSQL both read (times as
 * epoch milliseconds, booleans as 0/1). Creates the schema when it is missing; calls are
 * serialised on the connection.
 */
final class JdbcStore implements JobStore {
  /** The schema this code writes; a store written by a newer one is refused, not altered. */
  static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String COLUMNS =
      "jid, host, connection, address, port, login_user, become_method, become_user, async_dir,"
          + " key_file, options, playbook, play, task, item, module, args, started, time_limit,"
          + " state, rc, failed, changed, ended, summary";

  private final Connection db;

  JdbcStore(Connection db) throws SQLException {
    this.db = db;
    try {
      createSchema();
    } catch (SQLException e) {
      // two controllers creating a new shared schema at once: PostgreSQL lets one of the CREATEs
      // fail (duplicate type/table); the other's schema is then there
      if (!"23505".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
        throw e;
      }
      createSchema();
    }
  }

  private void createSchema() throws SQLException {
    db.setAutoCommit(false);
    try (Statement s = db.createStatement()) {
      s.executeUpdate("CREATE TABLE IF NOT EXISTS tightbeam_schema (version INTEGER NOT NULL)");
      s.executeUpdate("CREATE TABLE IF NOT EXISTS jobs ("
          + "jid TEXT NOT NULL, host TEXT NOT NULL, connection TEXT, address TEXT, port INTEGER,"
          + " login_user TEXT, become_method TEXT, become_user TEXT, async_dir TEXT, key_file TEXT,"
          + " options TEXT, playbook TEXT, play TEXT, task TEXT, item TEXT, module TEXT, args TEXT,"
          + " started BIGINT NOT NULL, time_limit INTEGER NOT NULL, state TEXT NOT NULL,"
          + " rc INTEGER, failed INTEGER, changed INTEGER, ended BIGINT, summary TEXT,"
          + " PRIMARY KEY (jid, host))");
      s.executeUpdate("CREATE INDEX IF NOT EXISTS jobs_by_state ON jobs (state, started)");
      int version = 0;
      try (ResultSet rs = s.executeQuery("SELECT MAX(version) FROM tightbeam_schema")) {
        if (rs.next()) {
          version = rs.getInt(1);
        }
      }
      if (version == 0) {
        s.executeUpdate("INSERT INTO tightbeam_schema (version) VALUES (" + SCHEMA_VERSION + ")");
      } else if (version > SCHEMA_VERSION) {
        throw new SQLException("the job registry was written by a newer tightbeam (schema "
            + version + ", this one knows " + SCHEMA_VERSION + ")");
      }
      db.commit();
    } catch (SQLException e) {
      db.rollback();
      throw e;
    }
  }

  @Override
  public synchronized void add(List<JobRecord> jobs) {
    inTransaction(() -> {
      try (PreparedStatement del = db.prepareStatement("DELETE FROM jobs WHERE jid = ? AND host = ?");
          PreparedStatement ins = db.prepareStatement("INSERT INTO jobs (" + COLUMNS
              + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (JobRecord job : jobs) {
          del.setString(1, job.jid());
          del.setString(2, job.target().host());
          del.addBatch();
          bind(ins, job);
          ins.addBatch();
        }
        del.executeBatch();
        ins.executeBatch();
      }
    });
  }

  private static void bind(PreparedStatement st, JobRecord job) throws SQLException {
    JobTarget t = job.target();
    JobOrigin o = job.origin();
    Object[] values = {
        job.jid(), t.host(), t.connection(), t.address(), t.port(), t.user(), t.becomeMethod(),
        t.becomeUser(), t.asyncDir(), t.keyFile(), json(t.options()), o.playbook(), o.play(),
        o.task(), o.item(), o.module(), o.args(), job.started().toEpochMilli(), job.timeLimit(),
        job.state().text()};
    for (int i = 0; i < values.length; i++) {
      st.setObject(i + 1, values[i]);
    }
    bindEnd(st, values.length + 1, job.end());
  }

  /** The end's rc, failed, changed, ended and summary from parameter {@code at} on. */
  private static void bindEnd(PreparedStatement st, int at, JobEnd end) throws SQLException {
    if (end == null) {
      for (int i = 0; i < 5; i++) {
        st.setNull(at + i, i == 4 ? Types.VARCHAR : i == 3 ? Types.BIGINT : Types.INTEGER);
      }
      return;
    }
    if (end.rc() == null) {
      st.setNull(at, Types.INTEGER);
    } else {
      st.setInt(at, end.rc());
    }
    st.setInt(at + 1, end.failed() ? 1 : 0);
    st.setInt(at + 2, end.changed() ? 1 : 0);
    st.setLong(at + 3, end.ended().toEpochMilli());
    st.setString(at + 4, end.summary());
  }

  @Override
  public synchronized void end(List<JobEnded> ends) {
    if (ends.isEmpty()) {
      return;
    }
    // only a running job ends: a kill recorded first is not overwritten by the result it caused
    inTransaction(() -> {
      try (PreparedStatement st = db.prepareStatement("UPDATE jobs SET state = ?, rc = ?, failed = ?,"
          + " changed = ?, ended = ?, summary = ? WHERE jid = ? AND host = ? AND state = 'running'")) {
        for (JobEnded e : ends) {
          st.setString(1, e.end().state().text());
          bindEnd(st, 2, e.end());
          st.setString(7, e.jid());
          st.setString(8, e.host());
          st.addBatch();
        }
        st.executeBatch();
      }
    });
  }

  @Override
  public synchronized void remove(List<JobRecord> jobs) {
    if (jobs.isEmpty()) {
      return;
    }
    inTransaction(() -> {
      try (PreparedStatement st = db.prepareStatement(
          "DELETE FROM jobs WHERE jid = ? AND host = ? AND state <> 'running'")) {
        for (JobRecord job : jobs) {
          st.setString(1, job.jid());
          st.setString(2, job.target().host());
          st.addBatch();
        }
        st.executeBatch();
      }
    });
  }

  @Override
  public synchronized List<JobRecord> list(JobQuery query) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM jobs WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!query.states().isEmpty()) {
      sql.append(" AND state IN (").append("?, ".repeat(query.states().size() - 1)).append("?)");
      query.states().forEach(s -> params.add(s.text()));
    }
    if (query.since() != null) {
      sql.append(" AND started >= ?");
      params.add(query.since().toEpochMilli());
    }
    if (!query.jids().isEmpty()) {
      sql.append(" AND jid IN (").append("?, ".repeat(query.jids().size() - 1)).append("?)");
      params.addAll(query.jids());
    }
    sql.append(" ORDER BY started, jid, host");
    List<JobRecord> out = new ArrayList<>();
    try (PreparedStatement st = db.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        st.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(record(rs));
        }
      }
      db.commit();
    } catch (SQLException e) {
      try {
        db.rollback();
      } catch (SQLException ignored) {
        // the read's failure is the one to report
      }
      throw new RegistryException("could not read the job registry: " + e.getMessage(), e);
    }
    return out;
  }

  private static JobRecord record(ResultSet rs) throws SQLException {
    JobTarget target = new JobTarget(rs.getString("host"), rs.getString("connection"),
        rs.getString("address"), rs.getInt("port"), rs.getString("login_user"),
        rs.getString("become_method"), rs.getString("become_user"), rs.getString("async_dir"),
        rs.getString("key_file"), options(rs.getString("options")));
    JobOrigin origin = new JobOrigin(rs.getString("playbook"), rs.getString("play"),
        rs.getString("task"), rs.getString("item"), rs.getString("module"), rs.getString("args"));
    JobState state = JobState.of(rs.getString("state"));
    JobEnd end = null;
    if (state != JobState.RUNNING) {
      int rc = rs.getInt("rc");
      Integer rcValue = rs.wasNull() ? null : rc;
      long ended = rs.getLong("ended");
      end = new JobEnd(state, rcValue, rs.getInt("failed") != 0, rs.getInt("changed") != 0,
          Instant.ofEpochMilli(ended), rs.getString("summary"));
    }
    return new JobRecord(rs.getString("jid"), target, origin,
        Instant.ofEpochMilli(rs.getLong("started")), rs.getInt("time_limit"), end);
  }

  private interface Work {
    void run() throws SQLException;
  }

  private void inTransaction(Work work) {
    try {
      work.run();
      db.commit();
    } catch (SQLException e) {
      try {
        db.rollback();
      } catch (SQLException ignored) {
        // the first failure is the one to report
      }
      throw new RegistryException("could not write the job registry: " + e.getMessage(), e);
    }
  }

  private static String json(Map<String, String> options) {
    try {
      return JSON.writeValueAsString(options);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("options of plain strings are always JSON", e);
    }
  }

  private static Map<String, String> options(String text) {
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    try {
      return JSON.readValue(text, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      // closing a file store loses nothing: every write was committed
    }
  }
}
