package dev.vpcscaudit.bench;

import dev.vpcscaudit.testing.FakeGcp;

/**
 * The loopback fake of the Google APIs as a process, for {@code bench/compare}: one organization, a
 * project {@code gdc-prod} (number 123456789012) two folders deep, one org-level policy
 * (accessPolicies/587139914682) with PERIMETERS perimeters, and LATENCY_MS on every answer. Prints
 * its URL, then serves until standard input closes.
 *
 * <p>Usage: {@code FakeServer PERIMETERS LATENCY_MS [PROJECTS]}: with PROJECTS, a synthetic
 * organization: that many projects spread over nested folders (10 top folders, 10 below each),
 * perimeter i holding projects 10i..10i+9, and one folder-scoped policy besides the org-level one.
 */
public final class FakeServer {

  private FakeServer() {}

  public static void main(String[] args) throws Exception {
    int perimeters = Integer.parseInt(args[0]);
    long latency = Long.parseLong(args[1]);
    if (args.length > 2) {
      organization(perimeters, latency, Integer.parseInt(args[2]));
      return;
    }
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < perimeters; i++) {
      json.append(i == 0 ? "" : ",")
          .append(
              "{\"name\": \"accessPolicies/587139914682/servicePerimeters/p"
                  + i
                  + "\", \"title\": \"perimeter "
                  + i
                  + "\", \"status\": {\"resources\": [\"projects/"
                  + (i == 0 ? "123456789012" : String.valueOf(200000000000L + i))
                  + "\"], \"restrictedServices\": [\"logging.googleapis.com\","
                  + " \"storage.googleapis.com\"], \"vpcAccessibleServices\":"
                  + " {\"enableRestriction\": true, \"allowedServices\": [\"RESTRICTED-SERVICES\"]}}}");
    }
    json.append("]");
    try (FakeGcp fake = new FakeGcp()) {
      fake.project("gdc-prod", "123456789012", "folders/2")
          .folder("folders/2", "folders/1")
          .folder("folders/1", "organizations/9000")
          .policy("organizations/9000", "accessPolicies/587139914682", null)
          .perimeters("accessPolicies/587139914682", json.toString())
          .pageSize(100)
          .latency(latency);
      System.out.println(fake.url());
      System.out.flush();
      while (System.in.read() != -1) {
        // serve until the caller closes our standard input
      }
    }
  }

  /** The synthetic organization of the organization-scale benchmark. */
  static void organization(int perimeters, long latency, int projects) throws Exception {
    try (FakeGcp fake = new FakeGcp()) {
      for (int top = 0; top < 10; top++) {
        fake.folder("folders/" + (1000 + top), "organizations/9000");
        for (int sub = 0; sub < 10; sub++) {
          fake.folder("folders/" + (2000 + top * 10 + sub), "folders/" + (1000 + top));
        }
      }
      for (int i = 0; i < projects; i++) {
        fake.project(
            "gdc-fleet-" + i, String.valueOf(500000000000L + i), "folders/" + (2000 + i % 100));
      }
      fake.policy("organizations/9000", "accessPolicies/1", null);
      fake.policy("organizations/9000", "accessPolicies/2", "folders/1000");
      StringBuilder json = new StringBuilder("[");
      for (int i = 0; i < perimeters; i++) {
        json.append(i == 0 ? "" : ",")
            .append("{\"name\": \"accessPolicies/1/servicePerimeters/p")
            .append(i)
            .append("\", \"status\": {\"resources\": [");
        for (int k = 0; k < 10; k++) {
          json.append(k == 0 ? "" : ",")
              .append("\"projects/")
              .append(500000000000L + i * 10L + k)
              .append("\"");
        }
        json.append(
            "], \"restrictedServices\": [\"logging.googleapis.com\", \"storage.googleapis.com\"]}}");
      }
      fake.perimeters("accessPolicies/1", json.append("]").toString());
      fake.perimeters("accessPolicies/2", "[]");
      fake.pageSize(500).latency(latency);
      System.out.println(fake.url());
      System.out.flush();
      while (System.in.read() != -1) {
        // serve until the caller closes our standard input
      }
    }
  }
}
