package dev.vpcscaudit.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpcscaudit.audit.Stage;
import dev.vpcscaudit.codec.PerimeterJsonReader;
import dev.vpcscaudit.codec.PerimeterJsonWriter;
import dev.vpcscaudit.plan.ConfigChange;
import dev.vpcscaudit.plan.FixPlan;
import dev.vpcscaudit.plan.PerimeterChange;
import dev.vpcscaudit.plan.TerraformRenderer;
import dev.vpcscaudit.testing.Fixtures;
import dev.vpcscaudit.testing.HclModel;
import dev.vpcscaudit.testing.TerraformFmt;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one definition of a perimeter's fields ({@link Wire}) against a fixture that sets every field
 * of the Access Context Manager v1 {@code ServicePerimeter} (REST reference and {@code
 * google/identity/accesscontextmanager/v1/service_perimeter.proto}, plus the fields gcloud prints).
 * Removing a field from the definition leaves it unmodeled here; adding one without setting it in
 * the fixture leaves it unset here: both fail.
 */
class WireSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String fixture() throws Exception {
    return Files.readString(
        Fixtures.repoRoot().resolve("src/test/resources/fixtures/all-fields.json"));
  }

  private static ServicePerimeter read(String json) {
    return PerimeterJsonReader.readPerimeter(
        PerimeterJsonReader.parseTree(json, "all-fields.json"), "", "all-fields.json");
  }

  @Test
  void theBuildsTableIsTheAnnotations() {
    // WireSchema reads the table the build made of the @Wire annotations; here, the annotations.
    int checked = 0;
    List<Class<?>> types = new ArrayList<>(List.of(ServicePerimeter.class));
    Set<Class<?>> seen = new HashSet<>();
    while (!types.isEmpty()) {
      Class<?> t = types.remove(types.size() - 1);
      if (!seen.add(t)) {
        continue;
      }
      @SuppressWarnings("unchecked")
      WireSchema schema = WireSchema.of((Class<? extends Record>) t);
      List<String> annotated = new ArrayList<>();
      for (java.lang.reflect.RecordComponent c : t.getRecordComponents()) {
        Wire w = c.getAnnotation(Wire.class);
        if (w != null) {
          annotated.add(
              c.getName()
                  + " "
                  + new WireSchema.Spec(
                      w.json(), w.hcl(), w.outputOnly(), w.hclAlways(), w.required()));
        }
      }
      assertThat(
              schema.fields().stream().map(f -> f.component().getName() + " " + f.wire()).toList())
          .as("%s", t)
          .containsExactlyElementsOf(annotated);
      for (WireSchema.Field f : schema.fields()) {
        if (f.kind() == WireSchema.Kind.RECORD || f.kind() == WireSchema.Kind.RECORD_LIST) {
          types.add(f.type());
        }
      }
      checked++;
    }
    assertThat(checked).as("record types reached from ServicePerimeter").isGreaterThan(5);
  }

  @Test
  void everyFieldOfTheFixtureIsModeled() throws Exception {
    assertThat(read(fixture()).unmodeledFields()).isEmpty();
  }

  @Test
  void everyModeledFieldIsSetInTheFixture() throws Exception {
    Set<String> set = new HashSet<>();
    collect(JSON.readTree(fixture()), ServicePerimeter.class, "", set);
    Set<String> declared = new HashSet<>();
    declared(ServicePerimeter.class, "", declared);
    assertThat(set).containsExactlyInAnyOrderElementsOf(declared);
  }

  @Test
  void readWriteReadIsLossless() throws Exception {
    ServicePerimeter once = read(fixture());
    String written = PerimeterJsonWriter.toJson(once).toString();
    assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(fixture()));
    assertThat(read(written)).isEqualTo(once);
  }

  @Test
  void terraformReproducesEveryFieldButTheOutputOnlyOnes() throws Exception {
    ServicePerimeter p = read(fixture());
    ConfigChange none = new ConfigChange(true, List.of(), List.of(), false, List.of());
    FixPlan plan =
        new FixPlan(
            List.of(new ProjectRef(null, Fixtures.PROJECT)),
            Fixtures.gdc(),
            Stage.DRY_RUN,
            List.of(new PerimeterChange(p, List.of(none), List.of())),
            List.of(),
            List.of(),
            "vpcsc-audit audit",
            List.of());
    String hcl = TerraformRenderer.render(plan);
    TerraformFmt.assertCanonical(hcl, "all-fields");
    assertThat(hcl).contains("version = \">= 7.41.0\"");
    ServicePerimeter declared = HclModel.parse(hcl).resources().values().iterator().next();
    for (WireSchema.Field f : WireSchema.of(ServicePerimeter.class).fields()) {
      if (f.wire().outputOnly()) {
        assertThat(hcl).as(f.json()).doesNotContain((String) f.get(p));
      } else {
        assertThat(f.get(declared)).as(f.json()).isEqualTo(f.get(p));
      }
    }
  }

  @Test
  void terraformNamesAreTheSnakeCaseOfTheRestNames() {
    for (Class<? extends Record> type : types(ServicePerimeter.class, new HashSet<>())) {
      for (WireSchema.Field f : WireSchema.of(type).fields()) {
        if (!f.wire().outputOnly()) {
          assertThat(f.hcl())
              .as(type.getSimpleName() + "." + f.json())
              .isEqualTo(f.json().replaceAll("([A-Z])", "_$1").toLowerCase());
        }
      }
    }
  }

  /** JSON paths (list indexes dropped) of every declared field, recursively. */
  private static void declared(Class<? extends Record> type, String path, Set<String> out) {
    for (WireSchema.Field f : WireSchema.of(type).fields()) {
      String p = path + "/" + f.json();
      out.add(p);
      if (f.kind() == WireSchema.Kind.RECORD || f.kind() == WireSchema.Kind.RECORD_LIST) {
        declared(sub(f), p, out);
      }
    }
  }

  /** JSON paths of the declared fields that hold a non-empty value in {@code node}. */
  private static void collect(
      JsonNode node, Class<? extends Record> type, String path, Set<String> out) {
    for (WireSchema.Field f : WireSchema.of(type).fields()) {
      JsonNode v = node.get(f.json());
      if (v == null || v.isNull() || v.isContainerNode() && v.isEmpty()) {
        continue;
      }
      String p = path + "/" + f.json();
      out.add(p);
      if (f.kind() == WireSchema.Kind.RECORD) {
        collect(v, sub(f), p, out);
      } else if (f.kind() == WireSchema.Kind.RECORD_LIST) {
        for (JsonNode item : v) {
          collect(item, sub(f), p, out);
        }
      }
    }
  }

  private static List<Class<? extends Record>> types(
      Class<? extends Record> type, Set<Class<?>> seen) {
    List<Class<? extends Record>> out = new ArrayList<>();
    if (seen.add(type)) {
      out.add(type);
      for (WireSchema.Field f : WireSchema.of(type).fields()) {
        if (f.kind() == WireSchema.Kind.RECORD || f.kind() == WireSchema.Kind.RECORD_LIST) {
          out.addAll(types(sub(f), seen));
        }
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends Record> sub(WireSchema.Field f) {
    return (Class<? extends Record>) f.type();
  }
}
