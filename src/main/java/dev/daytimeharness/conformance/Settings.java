package dev.daytimeharness.conformance;

import dev.daytimeharness.protocol.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Everything a conformance run is told by its user. The CLI builds it from options; under Maven it
 * comes from {@code -Ddaytime.*} system properties, so both run the same features the same way.
 *
 * @param target what to test: empty for the in-process reference server, {@code HOST:PORT}, or
 *               {@code docker:IMAGE}
 * @param udpTarget where the target answers UDP, empty when it does not (the embedded one does)
 * @param skew how far the target's clock may be from ours
 * @param maxReply the read buffer a reply must fit (the classic client reads 1024 bytes)
 * @param timeout the deadline of every exchange
 * @param concurrentClients how many clients the concurrency check sends at once
 * @param strict whether warnings count as errors
 * @param allowLoad whether concurrency and robustness checks may run against hosts we don't own
 * @param minInterval the least time between two connections to a host we don't own
 * @param zone the zone to read a timestamp in when it names none
 * @param reportDir where the HTML, JSON and JUnit XML reports go
 * @param toxiproxy the Toxiproxy API URL the fault checks use; empty for the embedded one
 */
public record Settings(String target, String udpTarget, Duration skew, int maxReply, Duration timeout,
                       int concurrentClients, boolean strict, boolean allowLoad, Duration minInterval,
                       ZoneId zone, Path reportDir, String toxiproxy) {

    public static final Duration SLOW_REPLY = Duration.ofMillis(500);

    public static Settings defaults() {
        return new Settings("", "", Duration.ofSeconds(5), 1024, Duration.ofSeconds(5), 16, false, false,
                Duration.ofSeconds(4), ZoneId.systemDefault(), Path.of("target", "daytime-report"),
                envOr("TOXIPROXY_URL", ""));
    }

    /**
     * Settings from {@code -Ddaytime.target=HOST:PORT} and friends, over the defaults; the reports go
     * to {@code target/daytime-report/maven} unless {@code -Ddaytime.report} says otherwise.
     */
    public static Settings fromSystemProperties() {
        Settings d = defaults();
        return new Settings(
                System.getProperty("daytime.target", d.target()),
                System.getProperty("daytime.udp-target", d.udpTarget()),
                duration("daytime.skew", d.skew()),
                Integer.getInteger("daytime.max-reply", d.maxReply()),
                duration("daytime.timeout", d.timeout()),
                Integer.getInteger("daytime.clients", d.concurrentClients()),
                Boolean.getBoolean("daytime.strict"),
                Boolean.getBoolean("daytime.allow-load"),
                duration("daytime.min-interval", d.minInterval()),
                System.getProperty("daytime.zone") == null ? d.zone() : ZoneId.of(System.getProperty("daytime.zone")),
                Path.of(System.getProperty("daytime.report", d.reportDir().resolve("maven").toString())),
                System.getProperty("daytime.toxiproxy", d.toxiproxy()));
    }

    /** The same settings with the reports written into {@code dir}: a run's staging directory. */
    public Settings reportingInto(Path dir) {
        return new Settings(target, udpTarget, skew, maxReply, timeout, concurrentClients, strict, allowLoad,
                minInterval, zone, dir, toxiproxy);
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static Duration duration(String property, Duration fallback) {
        String v = System.getProperty(property);
        return v == null ? fallback : Durations.parse(v);
    }
}
