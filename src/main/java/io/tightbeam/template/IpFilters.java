package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The common cases of ansible.utils' ipaddr, ipv4, ipv6 and ipwrap: validation, the address,
 * network, netmask, prefix, broadcast, size, private/public and nth-address queries. An address
 * that fails a query gives None; an invalid one False; a list keeps what passed.
 */
final class IpFilters {
  private static final String[][] PRIVATE = {{"10.0.0.0", "8"}, {"172.16.0.0", "12"},
      {"192.168.0.0", "16"}, {"100.64.0.0", "10"}, {"169.254.0.0", "16"}, {"192.0.0.0", "24"},
      {"198.18.0.0", "15"}, {"239.0.0.0", "8"}, {"fc00::", "7"}, {"fe80::", "10"}};

  private IpFilters() {}

  static void register(Catalogue c) {
    for (String prefix : new String[] {"ansible.utils.", "ansible.netcommon.", ""}) {
      c.filterNamed(prefix + "ipaddr", (v, a, e) -> filter(v, query(a), 0));
      c.filterNamed(prefix + "ipv4", (v, a, e) -> filter(v, query(a), 4));
      c.filterNamed(prefix + "ipv6", (v, a, e) -> filter(v, query(a), 6));
      c.filterNamed(prefix + "ipwrap", (v, a, e) -> wrap(v, query(a)));
    }
  }

  private static String query(Args a) {
    Object q = a.get(0, "query", "");
    return q == null ? "" : Items.str(q);
  }

  /** An address with its prefix length (32 or 128 when none was written). */
  record Net(BigInteger ip, int prefix, int version, boolean hadPrefix) {
    int bits() {
      return version == 4 ? 32 : 128;
    }

    BigInteger mask() {
      return BigInteger.ONE.shiftLeft(bits()).subtract(BigInteger.ONE)
          .xor(BigInteger.ONE.shiftLeft(bits() - prefix).subtract(BigInteger.ONE));
    }

    BigInteger network() {
      return ip.and(mask());
    }

    BigInteger size() {
      return BigInteger.ONE.shiftLeft(bits() - prefix);
    }

    BigInteger broadcast() {
      return network().add(size()).subtract(BigInteger.ONE);
    }

    String text(BigInteger n) {
      return version == 4 ? v4(n) : v6(n);
    }
  }

  private static Object filter(Object v, String query, int version) {
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object item : list) {
        Object r = one(item, query, version);
        if (r != null && !Boolean.FALSE.equals(r)) {
          out.add(r);
        }
      }
      return out;
    }
    return one(v, query, version);
  }

  private static Object wrap(Object v, String query) {
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object item : list) {
        out.add(wrapOne(item, query));
      }
      return out;
    }
    return wrapOne(v, query);
  }

  private static Object wrapOne(Object v, String query) {
    Object r = one(v, query, 0);
    if (r instanceof String s) {
      int slash = s.indexOf('/');
      String address = slash < 0 ? s : s.substring(0, slash);
      Net n = parse(address);
      if (n != null && n.version() == 6) {
        return "[" + address + "]" + (slash < 0 ? "" : s.substring(slash));
      }
    }
    return r == null || Boolean.FALSE.equals(r) ? v : r;
  }

  private static Object one(Object v, String query, int version) {
    if (v == null) {
      throw new TemplateException("Unrecognized type <<class 'NoneType'>> for ipaddr filter <value>");
    }
    Net n;
    if (v instanceof String s) {
      n = parse(s);
    } else if (Py.isInt(v) && Py.toBigInteger(v).signum() >= 0) {
      BigInteger i = Py.toBigInteger(v);
      n = new Net(i, i.bitLength() <= 32 ? 32 : 128, i.bitLength() <= 32 ? 4 : 6, false);
    } else {
      return false;
    }
    if (n == null || (version != 0 && n.version() != version)) {
      return false;
    }
    boolean host = n.size().compareTo(BigInteger.ONE) > 0 && !n.ip().equals(n.network());
    String cidr = n.text(n.ip()) + "/" + n.prefix();
    if (query.matches("-?\\d+")) {
      BigInteger index = new BigInteger(query);
      BigInteger base = index.signum() < 0 ? n.broadcast().add(BigInteger.ONE) : n.network();
      BigInteger addr = base.add(index);
      if (addr.compareTo(n.network()) < 0 || addr.compareTo(n.broadcast()) > 0) {
        return false;
      }
      return n.text(addr) + "/" + n.prefix();
    }
    return switch (query.toLowerCase(Locale.ROOT)) {
      case "" -> n.hadPrefix() ? cidr : n.text(n.ip());
      case "address" -> n.size().compareTo(BigInteger.ONE) > 0 && !host ? null : n.text(n.ip());
      case "network" -> n.text(n.network());
      case "netmask" -> n.text(n.mask());
      case "prefix" -> n.prefix();
      case "broadcast" -> n.prefix() < n.bits() - 1 ? n.text(n.broadcast()) : null;
      case "hostmask" -> n.text(n.size().subtract(BigInteger.ONE));
      case "first_usable" -> usable(n) ? n.text(first(n)) : null;
      case "last_usable" -> usable(n) ? n.text(last(n)) : null;
      case "next_usable" -> usable(n) && n.ip().compareTo(last(n)) < 0
          ? n.text(n.ip().add(BigInteger.ONE)) : null;
      case "previous_usable" -> usable(n) && n.ip().compareTo(first(n)) > 0
          ? n.text(n.ip().subtract(BigInteger.ONE)) : null;
      case "range_usable" -> usable(n) ? n.text(first(n)) + "-" + n.text(last(n)) : null;
      case "multicast" -> in(n, "224.0.0.0/4", "ff00::/8") ? v : null;
      case "unicast" -> !in(n, "224.0.0.0/4", "ff00::/8") ? v : null;
      case "link-local" -> in(n, "169.254.0.0/16", "fe80::/10") ? v : null;
      case "host" -> n.size().compareTo(BigInteger.ONE) == 0 || host ? cidr : null;
      case "host/prefix", "address/prefix" -> host ? cidr : null;
      case "network/prefix", "subnet", "cidr" -> n.text(n.network()) + "/" + n.prefix();
      case "net" -> n.size().compareTo(BigInteger.ONE) > 0 && !host ? cidr : null;
      case "size" -> Items.intValue(n.size());
      case "version" -> n.version();
      case "private" -> isPrivate(n) ? v : null;
      case "public" -> !isPrivate(n) && !isLoopback(n)
          && !in(n, "0.0.0.0/8", "::/128", "224.0.0.0/4", "240.0.0.0/4", "ff00::/8") ? v : null;
      case "loopback" -> isLoopback(n) ? v : null;
      case "ipv4" -> n.version() == 4 ? v : false;
      case "ipv6" -> n.version() == 6 ? v : false;
      case "revdns" -> revdns(n);
      // ansible.utils adds None to a string for an unknown query.
      default -> throw new PyException("unsupported operand type(s) for +: 'NoneType' and 'str'");
    };
  }

  private static boolean usable(Net n) {
    return n.size().compareTo(BigInteger.ONE) > 0;
  }

  private static BigInteger first(Net n) {
    return n.size().equals(BigInteger.TWO) ? n.network() : n.network().add(BigInteger.ONE);
  }

  private static BigInteger last(Net n) {
    return n.size().equals(BigInteger.TWO) || n.version() == 6 ? n.broadcast()
        : n.broadcast().subtract(BigInteger.ONE);
  }

  private static boolean in(Net n, String... ranges) {
    for (String range : ranges) {
      Net r = parse(range);
      if (r.version() == n.version() && n.ip().and(r.mask()).equals(r.network())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPrivate(Net n) {
    for (String[] range : PRIVATE) {
      Net r = parse(range[0] + "/" + range[1]);
      if (r.version() == n.version() && n.ip().and(r.mask()).equals(r.network())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLoopback(Net n) {
    return n.version() == 4 ? n.ip().shiftRight(24).intValue() == 127 : n.ip().equals(BigInteger.ONE);
  }

  private static String revdns(Net n) {
    StringBuilder out = new StringBuilder();
    if (n.version() == 4) {
      String[] parts = v4(n.ip()).split("\\.");
      for (int i = 3; i >= 0; i--) {
        out.append(parts[i]).append('.');
      }
      return out.append("in-addr.arpa.").toString();
    }
    String hex = String.format("%032x", n.ip());
    for (int i = 31; i >= 0; i--) {
      out.append(hex.charAt(i)).append('.');
    }
    return out.append("ip6.arpa.").toString();
  }

  /** Parses {@code a.b.c.d[/p]} or an IPv6 literal {@code [/p]}; null when not an address. */
  static Net parse(String text) {
    String s = text.strip();
    int slash = s.indexOf('/');
    String addr = slash < 0 ? s : s.substring(0, slash);
    BigInteger ip;
    int version;
    if (addr.matches("\\d{1,3}(\\.\\d{1,3}){0,3}") && addr.contains(".")) {
      // netaddr reads a short dotted quad with zeros on the right: 1.2.3 is 1.2.3.0.
      String[] parts = (addr + ".0.0.0").split("\\.");
      long value = 0;
      for (String part : java.util.Arrays.copyOf(parts, 4)) {
        int octet = Integer.parseInt(part);
        if (octet > 255) {
          return null;
        }
        value = value * 256 + octet;
      }
      ip = BigInteger.valueOf(value);
      version = 4;
    } else if (addr.contains(":")) {
      ip = v6Value(addr);
      if (ip == null) {
        return null;
      }
      version = 6;
    } else {
      return null;
    }
    int bits = version == 4 ? 32 : 128;
    int prefix = bits;
    if (slash >= 0) {
      String p = s.substring(slash + 1);
      if (p.matches("\\d{1,3}")) {
        prefix = Integer.parseInt(p);
      } else if (version == 4 && parse(p) != null && parse(p).version() == 4) {
        prefix = parse(p).ip().bitCount();
      } else {
        return null;
      }
      if (prefix > bits) {
        return null;
      }
    }
    return new Net(ip, prefix, version, slash >= 0);
  }

  private static BigInteger v6Value(String addr) {
    if (!addr.matches("[0-9A-Fa-f:.]+") || addr.contains(":::")) {
      return null;
    }
    String[] halves = addr.split("::", -1);
    if (halves.length > 2) {
      return null;
    }
    List<String> head = groups(halves[0]);
    List<String> tail = halves.length == 2 ? groups(halves[1]) : new ArrayList<>();
    if (head == null || tail == null) {
      return null;
    }
    int missing = 8 - head.size() - tail.size();
    if ((halves.length == 1 && missing != 0) || (halves.length == 2 && missing < 1)) {
      return null;
    }
    BigInteger value = BigInteger.ZERO;
    List<String> all = new ArrayList<>(head);
    for (int i = 0; i < missing && halves.length == 2; i++) {
      all.add("0");
    }
    all.addAll(tail);
    for (String g : all) {
      value = value.shiftLeft(16).add(BigInteger.valueOf(Integer.parseInt(g, 16)));
    }
    return value;
  }

  private static List<String> groups(String part) {
    List<String> out = new ArrayList<>();
    if (part.isEmpty()) {
      return out;
    }
    String[] pieces = part.split(":", -1);
    for (int i = 0; i < pieces.length; i++) {
      String g = pieces[i];
      if (i == pieces.length - 1 && g.contains(".")) {
        Net v4 = parse(g);
        if (v4 == null || v4.hadPrefix()) {
          return null;
        }
        long n = v4.ip().longValue();
        out.add(Long.toHexString(n >> 16));
        out.add(Long.toHexString(n & 0xffff));
      } else if (g.matches("[0-9A-Fa-f]{1,4}")) {
        out.add(g);
      } else {
        return null;
      }
    }
    return out;
  }

  static String v4(BigInteger n) {
    long v = n.longValue();
    return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
  }

  /** RFC 5952 text: lower case, the longest run of two or more zero groups as {@code ::}. */
  static String v6(BigInteger n) {
    if (n.shiftRight(32).equals(BigInteger.valueOf(0xffff))) {
      return "::ffff:" + v4(n.and(BigInteger.valueOf(0xffffffffL)));
    }
    int[] g = new int[8];
    for (int i = 7; i >= 0; i--) {
      g[7 - i] = n.shiftRight(16 * i).intValue() & 0xffff;
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLen - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(g[i]));
    }
    return out.toString();
  }
}
