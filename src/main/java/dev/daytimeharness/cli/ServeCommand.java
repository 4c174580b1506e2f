package dev.daytimeharness.cli;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.protocol.ReplyFormat;
import dev.daytimeharness.server.DaytimeServer;
import dev.daytimeharness.server.ServerEngine;
import dev.daytimeharness.server.ServerOptions;
import dev.daytimeharness.server.UdpDaytimeServer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code serve}: runs the reference daytime server until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the reference RFC 867 daytime server until Ctrl-C.",
        footer = {"", "Examples:",
                "  daytime-harness serve --port 0                  a free port, printed on start",
                "  daytime-harness serve --port 1313 --udp         TCP and UDP on 1313",
                "  daytime-harness serve --port 13 --bind 0.0.0.0  the real port, all interfaces (needs root)",
                "  daytime-harness serve --port 1313 --format nist --zone UTC",
                "  daytime-harness serve --port 1313 --engine nio  the JDK's sockets instead of native epoll",
                "", ExitCode.HELP})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 13;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind = "127.0.0.1";

    @Option(names = "--udp", description = "Serve UDP on the same port number too.")
    boolean udp;

    @Option(names = "--format", paramLabel = "F",
            description = "Any format of the README's table: ctime, xinetd, rfc867, nist, rfc3339, rfc1123, dotnet-en-us, go-time ... (default: ${DEFAULT-VALUE}).")
    String format = "rfc867";

    @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of the reply (default: this machine's).")
    String zone;

    @Option(names = "--engine", paramLabel = "E", description = "What drives the TCP sockets: auto (epoll where"
            + " available, else nio), epoll (Linux x86_64, native, fewer system calls) or nio (the JDK's, anywhere)"
            + " (default: ${DEFAULT-VALUE}).")
    String engine = "auto";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ServerOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        DaytimeServer tcp = new DaytimeServer(options, engine(), System.err);
        UdpDaytimeServer datagrams = null;
        try {
            int tcpPort = tcp.start();
            int udpPort = 0;
            if (udp) {
                // Both bound before either is announced: a script reading these lines may connect at once.
                datagrams = new UdpDaytimeServer(new ServerOptions(options.bind(), tcpPort, options.format(), options.zone(),
                        options.writeDeadline(), options.drainDeadline()), System.err);
                udpPort = datagrams.start();
            }
            String host = options.bind().getHostAddress();
            // As a target is written, so the line can be pasted into get or check: [::1]:13.
            out.println("serving daytime on " + new Endpoint(host, tcpPort) + " (tcp)");
            if (udp) {
                out.println("serving daytime on " + new Endpoint(host, udpPort) + " (udp)");
            }
            out.flush();
        } catch (UncheckedIOException e) {
            tcp.close();
            throw new UserError(ExitCode.FAILURE, e.getMessage(), e);
        }
        awaitShutdown(tcp, datagrams);
        return ExitCode.OK;
    }

    /** Blocks until SIGINT or SIGTERM, then closes the servers before the JVM exits. */
    private static void awaitShutdown(DaytimeServer tcp, UdpDaytimeServer udp) throws InterruptedException {
        UntilInterrupted.await("serve", () -> {
            if (udp != null) {
                udp.close();
            }
            tcp.close();
        });
    }

    private ServerEngine engine() {
        switch (engine.toLowerCase(Locale.ROOT)) {
            case "auto":
                return ServerEngine.best();
            case "epoll":
                if (!ServerEngine.EPOLL.available()) {
                    throw UserError.usage("--engine epoll: " + ServerEngine.EPOLL.unavailableReason() + "; use --engine nio");
                }
                return ServerEngine.EPOLL;
            case "nio":
                return ServerEngine.NIO;
            default:
                throw UserError.usage("--engine must be auto, epoll or nio, not '" + engine + "'");
        }
    }

    private ServerOptions options() {
        if (port < 0 || port > 65535) {
            throw UserError.usage("--port " + port + " is out of range (0-65535; 0 picks a free port)");
        }
        ReplyFormat f;
        try {
            f = ReplyFormat.fromCliName(format);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
        InetAddress address = BindAddress.resolve("--bind", bind);
        return new ServerOptions(address, port, f, ZoneOption.parse(zone), Duration.ofSeconds(5), Duration.ofSeconds(2));
    }
}
