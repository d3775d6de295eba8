package io.tightbeam.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostRangeTest {
  @Test
  void numericRangeKeepsZeroPadding() {
    assertThat(HostRange.parse("web[08:11].example.com").names())
        .containsExactly(
            "web08.example.com", "web09.example.com", "web10.example.com", "web11.example.com");
  }

  @Test
  void unpaddedRangeAndStep() {
    assertThat(HostRange.parse("h[1:10:4]").names()).containsExactly("h1", "h5", "h9");
    assertThat(HostRange.parse("h[:2]").names()).containsExactly("h0", "h1", "h2");
  }

  @Test
  void letterRange() {
    assertThat(HostRange.parse("db-[a:c]").names()).containsExactly("db-a", "db-b", "db-c");
  }

  @Test
  void twoRangesExpandLeftToRight() {
    assertThat(HostRange.parse("r[1:2]-[a:b]").names())
        .containsExactly("r1-a", "r1-b", "r2-a", "r2-b");
  }

  @Test
  void portIsSplitOff() {
    HostRange r = HostRange.parse("web[1:2]:2222");
    assertThat(r.names()).containsExactly("web1", "web2");
    assertThat(r.port()).isEqualTo(2222);
    assertThat(HostRange.parse("[2001:db8::1]:22").names()).containsExactly("2001:db8::1");
    assertThat(HostRange.parse("[2001:db8::1]:22").port()).isEqualTo(22);
    assertThat(HostRange.parse("fe80::1").port()).isNull();
    assertThat(HostRange.parse("fe80::1").names()).containsExactly("fe80::1");
  }

  @Test
  void badRangesUseAnsiblesWords() {
    assertThatThrownBy(() -> HostRange.parse("h[01:100]"))
        .hasMessage("host range must specify equal-length begin and end formats");
    assertThatThrownBy(() -> HostRange.parse("h[1:]")).hasMessage("host range must specify end value");
    assertThatThrownBy(() -> HostRange.parse("h[c:a]")).hasMessage("host range must have begin <= end");
    assertThatThrownBy(() -> HostRange.parse("h1:"))
        .hasMessageStartingWith("Invalid host pattern 'h1:' supplied, ending in ':' is not allowed");
  }
}
