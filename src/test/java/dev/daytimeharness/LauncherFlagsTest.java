package dev.daytimeharness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher starts short commands with the quick-start JVM flags and long-running ones with the
 * JVM's defaults. It runs a copy of the real script beside a stand-in jar, with a stand-in
 * {@code java} first on the PATH that prints the arguments it was given.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LauncherFlagsTest {
    private static final String QUICK = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    @TempDir
    Path dir;

    @Test
    void shortCommandsStartWithTheQuickStartFlags() throws Exception {
        assertThat(javaArgs("check", "--faults")).contains(QUICK).endsWith("-jar " + jar() + " check --faults");
        assertThat(javaArgs("get")).contains(QUICK);
        assertThat(javaArgs("report")).contains(QUICK);
    }

    @Test
    void longRunningCommandsKeepTheJvmsDefaults() throws Exception {
        for (String command : List.of("serve", "simulate", "proxy", "toxiproxy", "load")) {
            assertThat(javaArgs(command)).as(command).doesNotContain("TieredStopAtLevel").doesNotContain("UseSerialGC");
        }
    }

    @Test
    void theUsersJavaOptionsReplaceTheQuickStartFlags() throws Exception {
        assertThat(javaArgs(List.of("DAYTIME_HARNESS_JAVA_OPTS=-XX:+UseG1GC"), "check"))
                .contains("-XX:+UseG1GC").doesNotContain("UseSerialGC");
    }

    private String javaArgs(String... args) throws Exception {
        return javaArgs(List.of(), args);
    }

    private String javaArgs(List<String> env, String... args) throws Exception {
        Path launcher = dir.resolve("daytime-harness");
        Files.copy(Path.of("daytime-harness"), launcher, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(dir.resolve("target"));
        if (!Files.exists(jar())) {
            Files.writeString(jar(), "");
        }
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new java.util.ArrayList<>(List.of("env", "-u", "DAYTIME_HARNESS_JAVA_OPTS",
                "PATH=" + bin + ":/usr/bin:/bin"));
        command.addAll(env);
        command.add(launcher.toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private Path jar() throws IOException {
        return dir.resolve("target").resolve("daytime-harness.jar");
    }
}
