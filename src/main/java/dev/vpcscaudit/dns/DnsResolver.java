package dev.vpcscaudit.dns;

import dev.vpcscaudit.error.CloudReadException;
import dev.vpcscaudit.i18n.Text;
import dev.vpcscaudit.model.DnsAnswer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks a DNS resolver for the A and AAAA records of host names (dnsjava), following CNAMEs, with no
 * cache. Without an explicit resolver it uses the host's own configuration (/etc/resolv.conf and
 * /etc/hosts), as the cluster's workloads do; an explicit {@code --dns-resolver} is asked directly,
 * without /etc/hosts.
 */
public final class DnsResolver {

  private final Resolver resolver;
  private final boolean hostsFile;
  private final Text description;

  private DnsResolver(Resolver resolver, boolean hostsFile, Text description) {
    this.resolver = resolver;
    this.hostsFile = hostsFile;
    this.description = description;
  }

  /** The host's resolvers and hosts file. */
  public static DnsResolver system(Duration timeout) {
    ExtendedResolver r = new ExtendedResolver();
    r.setTimeout(timeout);
    return new DnsResolver(r, true, Text.of("dns.system-resolvers"));
  }

  /** One resolver at {@code address}, asked over UDP (TCP when the answer is truncated). */
  public static DnsResolver at(InetSocketAddress address, Duration timeout) {
    SimpleResolver r = new SimpleResolver(address);
    r.setTimeout(timeout);
    return new DnsResolver(
        r, false, Text.of("dns.resolver-at", address.getHostString() + ":" + address.getPort()));
  }

  public Text description() {
    return description;
  }

  /** Resolves each name; a resolver that does not answer is a failed read (exit 3). */
  public List<DnsAnswer> resolve(List<String> names) {
    List<DnsAnswer> out = new ArrayList<>();
    for (String name : names) {
      List<String> addresses = new ArrayList<>();
      List<String> aliases = new ArrayList<>();
      boolean found = false;
      for (int type : new int[] {Type.A, Type.AAAA}) {
        Lookup lookup = lookup(name, type);
        lookup.run();
        switch (lookup.getResult()) {
          case Lookup.SUCCESSFUL -> {
            found = true;
            for (Record r : lookup.getAnswers()) {
              if (r instanceof ARecord a) {
                addresses.add(a.getAddress().getHostAddress());
              } else if (r instanceof AAAARecord a) {
                addresses.add(a.getAddress().getHostAddress());
              }
            }
            // The chain followed: every CNAME owner after the asked name, then the name the
            // addresses belong to.
            List<Name> chain = new ArrayList<>(List.of(lookup.getAliases()));
            Record[] answers = lookup.getAnswers();
            if (answers.length > 0) {
              chain.add(answers[0].getName());
            }
            for (Name n : chain) {
              String text = n.toString(true);
              if (!aliases.contains(text) && !text.equals(name)) {
                aliases.add(text);
              }
            }
          }
          case Lookup.HOST_NOT_FOUND, Lookup.TYPE_NOT_FOUND -> {
            // No such name, or no record of this type: the other type may still answer.
          }
          default ->
              throw new CloudReadException(
                  Text.of(
                      "dns.cannot-resolve",
                      name,
                      Type.string(type),
                      description,
                      lookup.getErrorString()));
        }
      }
      out.add(new DnsAnswer(name, found, addresses, aliases));
    }
    return out;
  }

  private Lookup lookup(String name, int type) {
    Lookup lookup;
    try {
      lookup = new Lookup(Name.fromString(name.endsWith(".") ? name : name + "."), type);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("not a host name: " + name, e);
    }
    lookup.setResolver(resolver);
    lookup.setCache(null);
    if (!hostsFile) {
      lookup.setHostsFileParser(null);
    }
    return lookup;
  }
}
