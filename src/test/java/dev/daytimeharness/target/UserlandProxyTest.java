package dev.daytimeharness.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding Docker's userland proxy by its command line, in a /proc made for the test. */
@Tag("probe")
class UserlandProxyTest {
    private static final List<String> UDP_PROXY = List.of("/usr/sbin/docker-proxy", "-proto", "udp", "-host-ip",
            "127.0.0.1", "-host-port", "32768", "-container-ip", "172.17.0.2", "-container-port", "13");

    @TempDir
    Path proc;

    @Test
    void aDockerProxyForwardsItsProtocolAndHostPortOnly() {
        assertThat(UserlandProxy.isProxyFor(UDP_PROXY, "udp", 32768)).isTrue();
        assertThat(UserlandProxy.isProxyFor(UDP_PROXY, "tcp", 32768)).isFalse();
        assertThat(UserlandProxy.isProxyFor(UDP_PROXY, "udp", 13)).isFalse();
        assertThat(UserlandProxy.isProxyFor(List.of("/usr/bin/socat", "-proto", "udp", "-host-port", "32768"), "udp", 32768))
                .isFalse();
    }

    @Test
    void isFoundAmongTheProcessesOfProc() throws Exception {
        process("17", List.of("/sbin/init"));
        process("4242", UDP_PROXY);
        Files.createDirectories(proc.resolve("self"));
        assertThat(UserlandProxy.forwards(proc, "udp", 32768)).isTrue();
        assertThat(UserlandProxy.forwards(proc, "udp", 32769)).isFalse();
    }

    @Test
    void noProcMeansNoProxyFound() {
        assertThat(UserlandProxy.forwards(proc.resolve("missing"), "udp", 32768)).isFalse();
    }

    @Test
    void aPortTheProxyForwardsIsSaidToPassIt() throws Exception {
        process("4242", UDP_PROXY);
        assertThat(UserlandProxy.onUdpPath(proc, 32768, false)).hasValueSatisfying(
                why -> assertThat(why).contains("docker-proxy").contains("forwards this port"));
    }

    @Test
    void anEngineInSightWithoutAProxyForThePortPublishesByNat() throws Exception {
        process("7440", List.of("dockerd", "--host", "unix:///var/run/docker.sock", "--userland-proxy=false"));
        assertThat(UserlandProxy.onUdpPath(proc, 32768, true)).isEmpty();
    }

    @Test
    void anEngineOutOfSightIsTakenToRunItsDefaultProxyForOurContainerOnly() {
        assertThat(UserlandProxy.onUdpPath(proc, 32768, true)).hasValueSatisfying(
                why -> assertThat(why).contains("not visible here"));
        assertThat(UserlandProxy.onUdpPath(proc, 32768, false)).isEmpty();
    }

    private void process(String pid, List<String> args) throws Exception {
        Path dir = Files.createDirectories(proc.resolve(pid));
        Files.write(dir.resolve("cmdline"), (String.join("\0", args) + "\0").getBytes(StandardCharsets.UTF_8));
    }
}
