package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.daytimeharness.simulator.Behaviours;
import dev.daytimeharness.simulator.SimulatedServer;
import java.awt.image.BufferedImage;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matrix page as a person sees it: rendered by a real browser (Debian's headless Chromium, which
 * .ci/run installs), its text read back from the DOM and its colours from a screenshot.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MatrixInChromiumTest {
    @TempDir
    Path dir;

    @Test
    void theMatrixOfThreeServersRendersWithEveryTargetAndIdAndItsColours() throws Exception {
        Optional<Path> chromium = Chromium.find();
        assumeTrue(chromium.isPresent(), "no chromium on PATH (apt-get install chromium; .ci/run installs it)");
        List<String> args = new ArrayList<>(List.of("report", "matrix"));
        List<String> addresses = new ArrayList<>();
        for (String behaviour : List.of("good", "lfcr", "partial-then-reset")) {
            try (SimulatedServer server = SimulatedServer.start(Behaviours.byName(behaviour),
                    new InetSocketAddress("127.0.0.1", 0))) {
                Path report = dir.resolve(behaviour);
                CliRun.of("check", "127.0.0.1:" + server.port(), "--tags", "not @load", "--timeout", "2s",
                        "--zone", "UTC", "--report", report.toString());
                args.add(report.toString());
                addresses.add("127.0.0.1:" + server.port());
            }
        }
        Path page = dir.resolve("matrix.html");
        args.addAll(List.of("--html", page.toString()));
        assertThat(CliRun.of(args.toArray(String[]::new)).exitCode()).isZero();

        String dom = Chromium.dumpDom(chromium.get(), page, dir);
        for (String address : addresses) {
            assertThat(dom).contains(address);
        }
        assertThat(dom).contains("DT-TCP-001").contains("DT-TCP-010").contains("DT-TCP-021").contains("Daytime conformance matrix");

        Path png = Chromium.screenshot(chromium.get(), page, dir, 1400, 1000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1400);
        // The cells' backgrounds, as the page's style sets them: pass, warn and fail all show.
        assertThat(pixels(image, 0xdafbe1)).as("green pass cells").isGreaterThan(1000);
        assertThat(pixels(image, 0xfff8c5)).as("yellow warn cells").isGreaterThan(200);
        assertThat(pixels(image, 0xffebe9)).as("red fail cells").isGreaterThan(200);
    }

    private static int pixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Headless Chromium as root in CI: no sandbox, no GPU, no network of its own. */
    static final class Chromium {
        private Chromium() {}

        static Optional<Path> find() {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                for (String name : List.of("chromium", "chromium-browser")) {
                    Path p = Path.of(dir, name);
                    if (Files.isExecutable(p)) {
                        return Optional.of(p);
                    }
                }
            }
            return Optional.empty();
        }

        static String dumpDom(Path chromium, Path page, Path work) throws Exception {
            Path out = work.resolve("dom.html");
            run(chromium, work, out, "--dump-dom", page.toUri().toString());
            return Files.readString(out);
        }

        static Path screenshot(Path chromium, Path page, Path work, int width, int height) throws Exception {
            Path png = work.resolve("matrix.png");
            run(chromium, work, work.resolve("screenshot.log"), "--screenshot=" + png,
                    "--window-size=" + width + "," + height, "--hide-scrollbars", page.toUri().toString());
            assertThat(png).exists();
            return png;
        }

        private static void run(Path chromium, Path work, Path stdout, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--user-data-dir=" + work.resolve("chromium-profile")));
            command.addAll(List.of(args));
            Path log = work.resolve("chromium.log");
            Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(log.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish within 60 s: " + Files.readString(log));
            }
            assertThat(p.exitValue()).as("chromium's exit code; its log: " + Files.readString(log)).isZero();
        }
    }
}
