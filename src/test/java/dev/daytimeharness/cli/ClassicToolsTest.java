package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * check-client against the classic tools people reach for to read a daytime server, from Debian
 * (CI installs them in {@code .ci/peers.sh}), and the classic .NET sample client: the verdict of
 * every scenario is pinned, so a change in the harness's judgement, or in a tool, shows. The
 * README's table "what the classic tools do" says the same in words.
 *
 * <p>Verdicts are written for DT-CLI-001 to 016 in order: P pass, F fail. DT-CLI-013 (1 KB/s)
 * passes even for one-read clients: Toxiproxy's bandwidth toxic, the embedded one as 2.12.0,
 * passes a chunk whole once its time is up (it cuts only chunks over 100 ms of the rate, here
 * 100 bytes), so a one-line reply arrives in one piece, only later.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ClassicToolsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // netcat-openbsd reads until the server closes, exits 0 on what it got, and has no deadline of its own.
            "nc            | nc.openbsd    | nc.openbsd {host} {port}                          | PPPFFFFFFFPPPPPP",
            // -w 4 ends a silent or idle connection after 4 s, but with exit 0 and nothing printed.
            "nc -w 4       | nc.openbsd    | nc.openbsd -w 4 {host} {port}                     | PPPFFPFFFFPPPPPP",
            "socat         | socat         | socat -u TCP:{host}:{port} STDOUT                 | PPPFFFFFFFPPPPPP",
            // ncat reports a reset as an error; like nc it waits for ever on a silent server.
            "ncat --recv-only | ncat       | ncat --recv-only {host} {port}                    | PPPFFFFFPPPPPPPP",
            // nmap's daytime script prints what one read got; nmap exits 0 whatever the port said.
            "nmap daytime  | nmap          | nmap -Pn -sT -p {port} --script +daytime {host}   | PPPPFPFFFFFPPPPP",
    })
    void theClassicToolsGetTheirPinnedVerdicts(String tool, String program, String command, String verdicts) {
        Assumptions.assumeTrue(onPath(program), program + " is not installed here (CI installs it in .ci/peers.sh)");
        assertVerdicts(tool, command.strip().split(" +"), verdicts.strip());
    }

    @org.junit.jupiter.api.Test
    void theClassicDotNetSampleFailsWhereItsOneReadBites() throws Exception {
        Assumptions.assumeTrue(onPath("mcs") && onPath("mono"), "mono-mcs is not installed here (CI installs it in .ci/peers.sh)");
        Path exe = dir.resolve("naive_client.exe");
        Process p = new ProcessBuilder("mcs", "-out:" + exe, "examples/NaiveClient.cs").inheritIO().start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS) && p.exitValue() == 0).as("mcs compiles examples/NaiveClient.cs").isTrue();
        // One Read into 1024 bytes: fragments and long lines cut short; no deadline; a reset mid-line unnoticed.
        assertVerdicts("the .NET sample", new String[] {"mono", exe.toString(), "{host}", "{port}"}, "PFFPFPFFPFPPPPPP");
    }

    private void assertVerdicts(String tool, String[] command, String verdicts) {
        List<String> args = new ArrayList<>(List.of("check-client", "--client-timeout", "6s", "--report",
                dir.resolve("report").toString(), "--"));
        args.addAll(Arrays.asList(command));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        System.out.println("check-client against " + tool + ":\n" + run.out());
        StringBuilder got = new StringBuilder();
        for (int i = 1; i <= 16; i++) {
            Matcher m = Pattern.compile(String.format(java.util.Locale.ROOT, "(?m)^(PASS|FAIL|WARN|SKIP) +DT-CLI-%03d ", i))
                    .matcher(run.out());
            got.append(!m.find() ? '?' : m.group(1).charAt(0));
        }
        assertThat(got.toString()).as(tool + ":\n" + run.out()).isEqualTo(verdicts);
        assertThat(run.exitCode()).as(run.out()).isEqualTo(verdicts.contains("F") ? 1 : 0);
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(d, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
