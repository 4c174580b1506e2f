package dev.daytimeharness.conformance.results;

/**
 * What was under test.
 *
 * @param kind {@code reference}, {@code remote} or {@code docker} for a server; {@code command},
 *             {@code image} or {@code reference-client} for a client
 * @param address {@code HOST:PORT}, the image, or the command line; empty for the reference ones
 * @param description the one line the run printed about it, e.g. {@code daytime server at 127.0.0.1:13}
 */
public record TargetEntry(String kind, String address, String description) {
    /** The column heading a matrix gives it: short, and different for different targets. */
    public String label() {
        if (!address.isEmpty()) {
            return address;
        }
        return switch (kind) {
            case "reference" -> "reference server";
            case "reference-client" -> "reference client";
            default -> description;
        };
    }
}
