package dev.daytimeharness.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Docker's userland proxy ({@code docker-proxy}), which an engine started with its default
 * {@code --userland-proxy=true} runs for every published port: a client on this host that sends to
 * the published port talks to the proxy, and the proxy to the container. It forwards datagrams one
 * by one, but not an empty one, so a check of the empty datagram through it judges the proxy, not
 * the server. Found by its command line in {@code /proc}, as the engine starts it:
 * {@code docker-proxy -proto udp -host-ip 127.0.0.1 -host-port 32768 -container-ip ... -container-port 13}.
 */
public final class UserlandProxy {
    /** A bound on the processes read, so a crowded machine cannot make the look-up slow. */
    private static final int MAX_PROCESSES = 100_000;

    private UserlandProxy() {}

    /**
     * What stands between this host and the server at UDP {@code hostPort} and drops an empty
     * datagram, or empty when nothing does as far as can be seen.
     *
     * @param ourContainer whether the port is one the harness published for a container it started:
     *                     then an engine whose processes cannot be seen here is taken to run the proxy,
     *                     its default, rather than blame the server for what may be the proxy's doing
     */
    public static Optional<String> onUdpPath(int hostPort, boolean ourContainer) {
        return onUdpPath(Path.of("/proc"), hostPort, ourContainer);
    }

    static Optional<String> onUdpPath(Path proc, int hostPort, boolean ourContainer) {
        Scan scan = scan(proc, "udp", hostPort);
        if (scan.proxy()) {
            return Optional.of("Docker's userland proxy (docker-proxy), which forwards this port");
        }
        if (ourContainer && !scan.engine()) {
            return Optional.of("Docker's userland proxy (docker-proxy), the engine's default (its processes are not"
                    + " visible here to tell)");
        }
        return Optional.empty();
    }

    /** Whether a docker-proxy forwards {@code proto} ("tcp" or "udp") on this host's {@code hostPort}. */
    static boolean forwards(Path proc, String proto, int hostPort) {
        return scan(proc, proto, hostPort).proxy();
    }

    /** What /proc shows: a proxy for the port, and whether a Docker engine runs where we can see it. */
    private record Scan(boolean proxy, boolean engine) {}

    private static Scan scan(Path proc, String proto, int hostPort) {
        boolean engine = false;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            int seen = 0;
            for (Path p : processes) {
                if (++seen > MAX_PROCESSES) {
                    break;
                }
                List<String> args = commandLine(p.resolve("cmdline"));
                if (isProxyFor(args, proto, hostPort)) {
                    return new Scan(true, true);
                }
                engine |= !args.isEmpty() && Path.of(args.get(0)).getFileName().toString().equals("dockerd");
            }
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux) or not readable: nothing seen.
        }
        return new Scan(false, engine);
    }

    static boolean isProxyFor(List<String> args, String proto, int hostPort) {
        if (args.isEmpty() || !Path.of(args.get(0)).getFileName().toString().equals("docker-proxy")) {
            return false;
        }
        return value(args, "-proto").equals(proto) && value(args, "-host-port").equals(Integer.toString(hostPort));
    }

    private static String value(List<String> args, String flag) {
        int i = args.indexOf(flag);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : "";
    }

    private static List<String> commandLine(Path cmdline) {
        try {
            byte[] bytes = Files.readAllBytes(cmdline);
            return bytes.length == 0 ? List.of() : Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            // The process ended while we looked.
            return List.of();
        }
    }
}
