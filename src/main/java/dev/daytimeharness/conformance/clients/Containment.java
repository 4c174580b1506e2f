package dev.daytimeharness.conformance.clients;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How the harness makes sure that no process a client under test started outlives its scenario,
 * even one that left its session ({@code setsid}) or whose parent exited, and even when the
 * harness itself is killed.
 */
public sealed interface Containment {

    /** The command line that runs {@code command} contained. */
    List<String> wrap(List<String> command);

    /** Whether the guarantee holds for every descendant, however it detached. */
    boolean complete();

    /** One line for the console and the report: what is guaranteed. */
    String guarantee();

    /**
     * A PID namespace per run: the client's processes live in their own, which the kernel empties
     * (SIGKILL to every member) when its first process ends. {@code unshare --kill-child} ends that
     * process when unshare ends, and {@code setpriv --pdeathsig KILL} ends unshare when the harness
     * ends, however it ends. Needs root (CAP_SYS_ADMIN) and util-linux.
     */
    record PidNamespace() implements Containment {
        @Override
        public List<String> wrap(List<String> command) {
            List<String> wrapped = new ArrayList<>(List.of("setpriv", "--pdeathsig", "KILL", "--",
                    "unshare", "--pid", "--fork", "--kill-child", "--",
                    // The namespace's first process is a shell that waits for the client, not the
                    // client itself: a PID 1 ignores signals it has no handler for (SIGPIPE, SIGTERM),
                    // and the client must behave as it would anywhere else.
                    "/bin/sh", "-c", "\"$@\"; exit $?", "sh"));
            wrapped.addAll(command);
            return wrapped;
        }

        @Override
        public boolean complete() {
            return true;
        }

        @Override
        public String guarantee() {
            return "each client run has its own PID namespace: none of its processes outlives its scenario";
        }
    }

    /**
     * The fallback: the process tree as the harness sees it while the client runs, killed when the
     * run ends. A process that detached and whose parent exited between two looks is not seen.
     *
     * @param why why no PID namespace could be had
     */
    record ProcessTree(String why) implements Containment {
        @Override
        public List<String> wrap(List<String> command) {
            return command;
        }

        @Override
        public boolean complete() {
            return false;
        }

        @Override
        public String guarantee() {
            return "weaker process guarantee: " + why + ", so the client's process tree is killed after each run,"
                    + " and a process that detaches (setsid) and loses its parent may outlive its scenario";
        }
    }

    /** Tries a PID namespace once and says which containment this machine allows. */
    static Containment detect(Duration deadline) {
        Containment namespace = new PidNamespace();
        ProcessBuilder probe = new ProcessBuilder(namespace.wrap(List.of("true")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            Process p = probe.start();
            if (!p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new ProcessTree("unshare did not answer within " + deadline.toMillis() + " ms");
            }
            return p.exitValue() == 0 ? namespace
                    : new ProcessTree("this machine refuses a PID namespace (unshare --pid needs root)");
        } catch (IOException e) {
            return new ProcessTree("setpriv or unshare (util-linux) is not installed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProcessTree("interrupted while probing for a PID namespace");
        }
    }

    /** What this machine allows, tried now (about 10 ms where it works). */
    static Containment detect() {
        return detect(Duration.ofSeconds(5));
    }
}
