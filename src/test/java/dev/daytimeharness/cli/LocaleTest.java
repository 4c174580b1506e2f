package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.server.DaytimeServer;
import dev.daytimeharness.server.ServerOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a program reads from us must not change with the machine's locale: a German machine once
 * wrote {@code 3,0s} and the reference client refused it, and a Turkish one lower-cases
 * {@code TIMEOUT} to {@code tımeout}. Each command runs under English, German and Turkish, and
 * must give what English gives (numbers masked, since times differ from run to run).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LocaleTest {
    private static final List<Locale> LOCALES = List.of(Locale.US, Locale.forLanguageTag("de-DE"),
            Locale.forLanguageTag("tr-TR"));
    private static final Pattern VERDICT = Pattern.compile("(?m)^(PASS|WARN|FAIL|SKIP|XFAIL|XPASS) +(DT-[A-Z]+-\\d+)");
    private final Locale original = Locale.getDefault();

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        Locale.setDefault(original);
    }

    @Test
    void checkGivesTheSameVerdictsInEveryLocale() {
        assertSameInEveryLocale(() -> {
            CliRun run = CliRun.of("check", "--report", dir.resolve(Locale.getDefault().toLanguageTag()).toString());
            return run.exitCode() + " " + verdicts(run.out());
        });
    }

    @Test
    void theReferenceClientStillPassesTheFirstClientScenarioInEveryLocale() {
        assertSameInEveryLocale(() -> {
            CliRun run = CliRun.of("check-client", "--tags", "@DT-CLI-001", "--client-timeout", "6s",
                    "--report", dir.resolve("client-" + Locale.getDefault().toLanguageTag()).toString());
            return run.exitCode() + " " + verdicts(run.out());
        });
    }

    @Test
    void getVerboseWritesItsNumbersTheSameInEveryLocale() {
        try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0), System.err)) {
            int port = server.start();
            assertSameInEveryLocale(() -> {
                CliRun run = CliRun.of("get", "127.0.0.1:" + port, "--verbose");
                // The timestamp line itself changes every second; the detail lines are what a script reads.
                return run.exitCode() + masked(run.out().lines().skip(1).collect(Collectors.joining("\n")));
            });
        }
    }

    @Test
    void loadNamesItsErrorKindsTheSameInEveryLocale() {
        try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0), System.err)) {
            int port = server.start();
            assertSameInEveryLocale(() -> {
                CliRun run = CliRun.of("load", "127.0.0.1:" + port, "--duration", "1s", "--warmup", "0s",
                        "--connections", "2", "--json");
                return run.exitCode() + masked(run.out());
            });
        }
    }

    @Test
    void loadWritesItsSummaryWithTheSameNumbersInEveryLocale() {
        // The text summary is read by people and by CI logs alike: a German machine wrote "in 1,0 s".
        try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0), System.err)) {
            int port = server.start();
            for (Locale locale : LOCALES) {
                Locale.setDefault(locale);
                CliRun run = CliRun.of("load", "127.0.0.1:" + port, "--duration", "1s", "--warmup", "0s",
                        "--connections", "2");
                assertThat(run.out()).as("under " + locale.toLanguageTag())
                        .containsPattern("exchanges in \\d+\\.\\d s = [\\d,]+ [a-z/]+; p50 \\d+\\.\\d\\d ms");
            }
        }
    }

    private static void assertSameInEveryLocale(Supplier<String> run) {
        Locale.setDefault(Locale.US);
        String english = run.get();
        assertThat(english).isNotBlank();
        for (Locale locale : LOCALES.subList(1, LOCALES.size())) {
            Locale.setDefault(locale);
            assertThat(run.get()).as("under " + locale.toLanguageTag()).isEqualTo(english);
        }
    }

    private static String verdicts(String out) {
        Matcher m = VERDICT.matcher(out);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            sb.append(m.group(1)).append(' ').append(m.group(2)).append('\n');
        }
        assertThat(sb).as("verdict lines in: " + out).isNotEmpty();
        return sb.toString();
    }

    private static String masked(String text) {
        return text.replaceAll("[+-]?\\d+", "#");
    }
}
