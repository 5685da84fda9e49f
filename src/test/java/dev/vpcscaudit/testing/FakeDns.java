package dev.vpcscaudit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A small authoritative DNS server on 127.0.0.1 (UDP, real DNS wire format via dnsjava) for tests:
 * A, AAAA and CNAME records by name; anything else is NXDOMAIN. Records every question.
 */
public final class FakeDns implements AutoCloseable {

  private final DatagramSocket socket;
  private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
  private final List<String> questions = Collections.synchronizedList(new ArrayList<>());
  private final Thread thread;

  public FakeDns() {
    try {
      socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
    thread = new Thread(this::serve, "fake-dns");
    thread.setDaemon(true);
    thread.start();
  }

  /** {@code 127.0.0.1:PORT}, for {@code --dns-resolver}. */
  public String address() {
    return "127.0.0.1:" + socket.getLocalPort();
  }

  public FakeDns a(String name, String... addresses) {
    for (String a : addresses) {
      add(name, n -> new ARecord(n, DClass.IN, 300, address(a)));
    }
    return this;
  }

  public FakeDns aaaa(String name, String... addresses) {
    for (String a : addresses) {
      add(name, n -> new AAAARecord(n, DClass.IN, 300, address(a)));
    }
    return this;
  }

  public FakeDns cname(String name, String target) {
    add(name, n -> new CNAMERecord(n, DClass.IN, 300, name(target)));
    return this;
  }

  /** The restricted VIP zone of the facts: A restricted.googleapis.com, CNAME the rest to it. */
  public FakeDns restrictedZone(List<String> names) {
    a("restricted.googleapis.com", "199.36.153.4", "199.36.153.5", "199.36.153.6", "199.36.153.7");
    for (String n : names) {
      if (!n.equals("restricted.googleapis.com")) {
        cname(n, "restricted.googleapis.com");
      }
    }
    return this;
  }

  public List<String> questions() {
    synchronized (questions) {
      return List.copyOf(questions);
    }
  }

  private interface RecordMaker {
    Record make(Name name);
  }

  private void add(String name, RecordMaker maker) {
    Name n = name(name);
    records
        .computeIfAbsent(n, k -> Collections.synchronizedList(new ArrayList<>()))
        .add(maker.make(n));
  }

  private static Name name(String s) {
    try {
      return Name.fromString(s.endsWith(".") ? s : s + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private void serve() {
    byte[] buffer = new byte[4096];
    while (!socket.isClosed()) {
      try {
        DatagramPacket in = new DatagramPacket(buffer, buffer.length);
        socket.receive(in);
        Message query = new Message(java.util.Arrays.copyOf(in.getData(), in.getLength()));
        Record question = query.getQuestion();
        questions.add(question.getName().toString(true) + " " + Type.string(question.getType()));
        Message answer = new Message(query.getHeader().getID());
        answer.getHeader().setFlag(Flags.QR);
        answer.getHeader().setFlag(Flags.AA);
        answer.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        boolean exists = false;
        for (int hops = 0; hops < 8; hops++) {
          List<Record> rs = records.get(name);
          if (rs == null) {
            break;
          }
          exists = true;
          Record cname =
              rs.stream().filter(r -> r.getType() == Type.CNAME).findFirst().orElse(null);
          if (cname != null) {
            answer.addRecord(cname, Section.ANSWER);
            name = ((CNAMERecord) cname).getTarget();
            continue;
          }
          for (Record r : rs) {
            if (r.getType() == question.getType()) {
              answer.addRecord(r, Section.ANSWER);
            }
          }
          break;
        }
        if (!exists) {
          answer.getHeader().setRcode(Rcode.NXDOMAIN);
        }
        byte[] out = answer.toWire();
        socket.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
