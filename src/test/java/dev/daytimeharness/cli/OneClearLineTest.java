package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input the probe found answered with a stack trace, two lines, the wrong hint or silence:
 * each is now one clear line with its documented exit code (2 usage, 3 could not test).
 */
@Tag("probe")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OneClearLineTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyImageForCheckClientIsAUsageErrorNotJacksonsException() {
        CliRun run = CliRun.of("check-client", "--image", "", "--", "get", "{host}:{port}");
        assertOneLine(run, 2);
        assertThat(run.err()).contains("--image: no image named").doesNotContain("Exception");
    }

    @Test
    void anImageNameThatIsNoNameGivesTheSameUsageErrorWhateverIsWrongWithIt() {
        CliRun colons = CliRun.of("check", "docker::");
        CliRun upper = CliRun.of("check", "docker:UPPER/Case");
        assertOneLine(colons, 2);
        assertOneLine(upper, 2);
        assertThat(colons.err()).contains("':' is not a Docker image name");
        assertThat(upper.err()).contains("'UPPER/Case' is not a Docker image name");
    }

    @Test
    void aReportDirectoryThatIsADanglingSymlinkSaysWhereItPoints() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("reports"), dir.resolve("gone"));
        CliRun run = CliRun.of("check", "--report", link.toString());
        assertOneLine(run, 3);
        assertThat(run.err()).contains("a symbolic link to " + dir.resolve("gone") + ", which does not exist")
                .doesNotContain("FileAlreadyExistsException");
    }

    @Test
    void aNewlineInTheHostIsShownEscapedAndSplitsNoLine() {
        CliRun run = CliRun.of("check", "127.0.0.1\n:13");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("127.0.0.1\\n");
        assertThat(run.err().lines()).allMatch(line -> line.startsWith("daytime-harness: ") || line.startsWith("checking "));
    }

    @Test
    void toxiproxyOnAnAddressNotOfThisMachineNamesItsOwnOption() {
        CliRun run = CliRun.of("toxiproxy", "--host", "192.0.2.1", "--port", "0");
        assertOneLine(run, 1);
        assertThat(run.err()).contains("is the --host address one of this machine's?").doesNotContain("--bind");
    }

    @Test
    void serveNamesTheEnginesItHas() {
        CliRun run = CliRun.of("serve", "--engine", "io_uring", "--port", "0");
        assertOneLine(run, 2);
        assertThat(run.err()).contains("--engine must be auto, epoll or nio, not 'io_uring'");
    }

    @Test
    void anEmptyBindAddressIsAUsageErrorNotLoopback() {
        assertOneLine(CliRun.of("serve", "--bind", "", "--port", "0"), 2);
        assertOneLine(CliRun.of("simulate", "--behaviour", "good", "--bind", "", "--port", "0"), 2);
        CliRun toxiproxy = CliRun.of("toxiproxy", "--host", "", "--port", "0");
        assertOneLine(toxiproxy, 2);
        assertThat(toxiproxy.err()).contains("--host needs an address");
    }

    @Test
    void aProxyToAnUpstreamThatDoesNotResolveFailsAtOnce() {
        CliRun run = CliRun.of("proxy", "--upstream", "nosuchhost.invalid:13");
        assertOneLine(run, 2);
        assertThat(run.err()).contains("cannot resolve host nosuchhost.invalid");
        assertThat(run.out()).doesNotContain("listening");
    }

    private static void assertOneLine(CliRun run, int exitCode) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.err().strip()).as("one line").doesNotContain("\n").startsWith("daytime-harness: ")
                .doesNotContain("\tat ");
    }
}
