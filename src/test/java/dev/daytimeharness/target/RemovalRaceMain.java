package dev.daytimeharness.target;

import com.github.dockerjava.api.exception.ConflictException;

/**
 * A JVM that exits as an interrupted {@code check docker:} does: a second exit hook removing a
 * container the first is already removing is told 409, and does not catch it. The argument says
 * whether the harness's handler is installed, and what else a hook throws.
 */
public final class RemovalRaceMain {
    private RemovalRaceMain() {}

    public static void main(String[] args) {
        if (args[0].equals("quiet")) {
            DockerEngine.quietAboutRemovalRaces();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            throw new ConflictException("{\"message\":\"removal of container 1b7d is already in progress\"}");
        }));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            throw new IllegalStateException("a real failure in a hook");
        }));
        System.exit(0);
    }
}
