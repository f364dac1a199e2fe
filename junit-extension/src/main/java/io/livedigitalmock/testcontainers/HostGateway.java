package io.livedigitalmock.testcontainers;

import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Network;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/**
 * Where a host relay must listen for a container to reach it as {@code host-gateway}: the address of
 * the default bridge on this machine ({@code docker0}'s), which is what Docker resolves
 * {@code host-gateway} to. Only when that bridge is an interface of this machine, i.e. the engine runs
 * on this machine's kernel (Linux); Docker Desktop needs no relay: there {@code host.docker.internal}
 * already reaches this machine's loopback, and a remote engine cannot reach it at all.
 */
final class HostGateway {

  private static final System.Logger LOG = System.getLogger(HostGateway.class.getName());

  private HostGateway() {
  }

  /** The bridge's address on this machine, or null when no relay is needed or none can listen. */
  static String relayAddress() {
    try {
      Info info = DockerClientFactory.instance().getInfo();
      String os = info.getOperatingSystem() == null ? "" : info.getOperatingSystem();
      if (os.contains("Docker Desktop")) {
        return null;
      }
      Network bridge = DockerClientFactory.instance().client().inspectNetworkCmd().withNetworkId("bridge").exec();
      for (String candidate : candidates(bridge)) {
        if (isOnThisMachine(candidate)) {
          return candidate;
        }
      }
      LOG.log(System.Logger.Level.DEBUG, "the Docker bridge has no address on this machine (a remote engine?)");
      return null;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "no Docker bridge address found: " + e);
      return null;
    }
  }

  /** The bridge interface's IPv4 address, the IPAM gateway, the subnet's first address: in that order. */
  private static List<String> candidates(Network bridge) {
    List<String> found = new ArrayList<>();
    Map<String, String> options = bridge.getOptions();
    String name = options == null ? null : options.get("com.docker.network.bridge.name");
    try {
      NetworkInterface nic = name == null ? null : NetworkInterface.getByName(name);
      if (nic != null) {
        nic.inetAddresses().filter(a -> a instanceof Inet4Address).forEach(a -> found.add(a.getHostAddress()));
      }
    } catch (SocketException e) {
      // no such interface here
    }
    if (bridge.getIpam() != null && bridge.getIpam().getConfig() != null) {
      for (Network.Ipam.Config config : bridge.getIpam().getConfig()) {
        if (config.getGateway() != null && !config.getGateway().isBlank()) {
          found.add(config.getGateway());
        }
        String subnet = config.getSubnet();
        if (subnet != null && subnet.matches("\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+")) {
          String[] octets = subnet.substring(0, subnet.indexOf('/')).split("\\.");
          found.add(octets[0] + "." + octets[1] + "." + octets[2] + "." + (Integer.parseInt(octets[3]) + 1));
        }
      }
    }
    return found;
  }

  private static boolean isOnThisMachine(String address) {
    try {
      return NetworkInterface.getByInetAddress(InetAddress.getByName(address)) != null;
    } catch (SocketException | UnknownHostException e) {
      return false;
    }
  }
}
