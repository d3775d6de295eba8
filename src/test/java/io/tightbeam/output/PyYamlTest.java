package io.tightbeam.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cases' expected text is what PyYAML 6 (Debian's, which ansible-core 2.14 uses here) wrote
 * for the same data with Ansible's callback representer, lossy and not, at indent 4 and 2.
 */
class PyYamlTest {
  @Test
  @SuppressWarnings("unchecked")
  void writesWhatPyYamlWrites() throws Exception {
    List<Map<String, Object>> cases;
    try (InputStream in = getClass().getResourceAsStream("/output/pyyaml-cases.json")) {
      cases = new ObjectMapper().readValue(in, List.class);
    }
    for (Map<String, Object> c : cases) {
      String got = PyYaml.dump(c.get("data"), (Integer) c.get("indent"), (Boolean) c.get("lossy"));
      assertThat(got).as("indent %s lossy %s: %s", c.get("indent"), c.get("lossy"), c.get("data"))
          .isEqualTo(c.get("expected"));
    }
  }
}
