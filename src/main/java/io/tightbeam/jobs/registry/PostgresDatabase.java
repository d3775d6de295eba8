package io.tightbeam.jobs.registry;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Opens a PostgreSQL registry from {@code postgresql://[user[:password]@]host[:port]/database[?
 * options]}: the password, when the URL has none, comes from {@code PGPASSWORD} or the driver's
 * own reading of {@code ~/.pgpass} ({@code PGPASSFILE}). Never printed ({@link
 * JobRegistry#describe}).
 */
final class PostgresDatabase {
  private PostgresDatabase() {}

  static Connection open(String url, Map<String, String> env) throws SQLException {
    URI uri;
    try {
      uri = URI.create(url.replaceFirst("^postgres(ql)?://", "postgresql://"));
    } catch (IllegalArgumentException e) {
      throw new SQLException("not a postgresql:// URL: " + e.getMessage().replace(url, "..."), e);
    }
    if (uri.getHost() == null) {
      throw new SQLException("a postgresql:// registry URL needs a host");
    }
    Properties props = new Properties();
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      props.setProperty("user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
      if (colon >= 0) {
        props.setProperty("password", decode(userInfo.substring(colon + 1)));
      }
    }
    if (!props.containsKey("password") && env.get("PGPASSWORD") != null) {
      props.setProperty("password", env.get("PGPASSWORD"));
    }
    props.setProperty("ApplicationName", "tightbeam");
    String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
        + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    Connection c = new org.postgresql.Driver().connect(jdbc, props);
    if (c == null) {
      throw new SQLException("the PostgreSQL driver did not accept the registry URL");
    }
    return c;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
