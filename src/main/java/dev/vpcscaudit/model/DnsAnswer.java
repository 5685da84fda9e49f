package dev.vpcscaudit.model;

import java.util.List;

/**
 * What a resolver answered for one host name, after following CNAMEs.
 *
 * @param name the name asked, e.g. {@code logging.googleapis.com}
 * @param found false when the name does not exist (NXDOMAIN) or has no A or AAAA record
 * @param addresses every A and AAAA address of the answer, in textual form
 * @param aliases the CNAME chain followed, e.g. {@code restricted.googleapis.com}
 */
public record DnsAnswer(String name, boolean found, List<String> addresses, List<String> aliases) {
  public DnsAnswer {
    addresses = List.copyOf(addresses);
    aliases = List.copyOf(aliases);
  }
}
