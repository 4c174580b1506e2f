package dev.daytimeharness.conformance.checks;

/**
 * What a simulated server gave the client under test. Whether the client reached it at all is kept
 * apart from the bytes: "the output contains what was served" proves nothing when nothing was
 * served, since any output contains the empty string.
 *
 * @param reached whether the client connected (TCP) or sent a datagram (UDP)
 * @param bytes what the server sent it (the latest connection's first 8 KiB)
 */
public record Served(boolean reached, byte[] bytes) {
    /** No server was there to reach (a scenario with nothing listening). */
    public static Served nothing() {
        return new Served(false, new byte[0]);
    }
}
