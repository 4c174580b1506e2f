package dev.daytimeharness.target;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.server.DaytimeServer;
import dev.daytimeharness.server.ServerOptions;
import dev.daytimeharness.server.UdpDaytimeServer;
import java.util.Optional;

/** Starts the reference server in-process on loopback, on free TCP and UDP ports. */
final class EmbeddedReference {
    private EmbeddedReference() {}

    static RunningTarget start() {
        DaytimeServer tcp = new DaytimeServer(ServerOptions.loopback(0), System.err);
        int tcpPort = tcp.start();
        UdpDaytimeServer udp = new UdpDaytimeServer(ServerOptions.loopback(0), System.err);
        int udpPort;
        try {
            udpPort = udp.start();
        } catch (RuntimeException e) {
            tcp.close();
            throw e;
        }
        String host = "127.0.0.1";
        return new RunningTarget("the reference server (in-process, " + host + ":" + tcpPort + ")",
                new Endpoint(host, tcpPort), Optional.of(new Endpoint(host, udpPort)), () -> {
                    udp.close();
                    tcp.close();
                });
    }
}
