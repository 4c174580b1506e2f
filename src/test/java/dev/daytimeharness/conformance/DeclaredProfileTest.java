package dev.daytimeharness.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daytimeharness.protocol.LineEnding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclaredProfileTest {
    @Test
    void readsWhatAnImplementationClaims() {
        DeclaredProfile p = DeclaredProfile.parse("""
                {"transports": ["tcp", "udp"], "udpPort": 13, "format": "ctime", "lineEnding": "crlf", "zone": "Europe/Berlin"}
                """);
        assertThat(p.claims("udp")).isTrue();
        assertThat(p.udpPort()).contains(13);
        assertThat(p.format()).contains("ctime");
        assertThat(p.lineEnding()).contains(LineEnding.CRLF);
        assertThat(p.zone()).contains(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void aProfileWithoutTransportsClaimsTcpOnly() {
        DeclaredProfile p = DeclaredProfile.parse("{\"format\": \"xinetd\"}");
        assertThat(p.transports()).containsExactly("tcp");
        assertThat(p.claims("udp")).isFalse();
    }

    @Test
    void mistakesAreOneLineEach() {
        assertThatThrownBy(() -> DeclaredProfile.parse("{\"transport\": [\"tcp\"]}")).hasMessageStartingWith("unknown key 'transport'");
        assertThatThrownBy(() -> DeclaredProfile.parse("{\"transports\": [\"sctp\"]}")).hasMessageStartingWith("unknown transport \"sctp\"");
        assertThatThrownBy(() -> DeclaredProfile.parse("{\"format\": \"iso\"}")).hasMessageStartingWith("unknown format 'iso'");
        assertThatThrownBy(() -> DeclaredProfile.parse("{\"zone\": \"Mars/Olympus\"}")).hasMessageStartingWith("unknown zone");
        assertThatThrownBy(() -> DeclaredProfile.parse("{\"udpPort\": 13}")).hasMessageContaining("no \"udp\"");
        assertThatThrownBy(() -> DeclaredProfile.parse("{\"transports\": [\"udp\"], \"udpPort\": 70000}"))
                .hasMessageStartingWith("udpPort must be a port");
        assertThatThrownBy(() -> DeclaredProfile.parse("{nope")).hasMessageStartingWith("not JSON");
    }

    @Test
    void aFileThatIsNotThereIsNamed(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> DeclaredProfile.read(dir.resolve("p.json"))).hasMessage(dir.resolve("p.json") + ": no such file");
        Files.writeString(dir.resolve("bad.json"), "[]");
        assertThatThrownBy(() -> DeclaredProfile.read(dir.resolve("bad.json"))).hasMessageStartingWith(dir.resolve("bad.json") + ": a profile is");
    }
}
