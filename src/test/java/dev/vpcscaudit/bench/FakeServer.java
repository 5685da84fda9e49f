package dev.vpcscaudit.bench;

import dev.vpcscaudit.testing.FakeGcp;

/**
 * The loopback fake of the Google APIs as a process, for {@code bench/compare}: one organization, a
 * project {@code gdc-prod} (number 123456789012) two folders deep, one org-level policy
 * (accessPolicies/587139914682) with PERIMETERS perimeters, and LATENCY_MS on every answer. Prints
 * its URL, then serves until standard input closes.
 *
 * <p>Usage: {@code FakeServer PERIMETERS LATENCY_MS}
 */
public final class FakeServer {

  private FakeServer() {}

  public static void main(String[] args) throws Exception {
    int perimeters = Integer.parseInt(args[0]);
    long latency = Long.parseLong(args[1]);
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
}
