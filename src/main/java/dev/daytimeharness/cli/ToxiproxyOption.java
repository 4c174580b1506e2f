package dev.daytimeharness.cli;

import dev.daytimeharness.faults.ToxiproxyEndpoint;

/**
 * The Toxiproxy a command's fault scenarios use: {@code --toxiproxy}, else {@code $TOXIPROXY_URL},
 * else the embedded one (empty). A bad one is reported once, naming where it came from, before any
 * scenario runs.
 */
final class ToxiproxyOption {
    private ToxiproxyOption() {}

    /**
     * @param option the {@code --toxiproxy} value, or null
     * @param environment where {@code TOXIPROXY_URL} is looked up (the process's, but for tests)
     * @param probe whether to ask the Toxiproxy if it is there (for runs that will use it)
     * @return the URL, {@code docker}, or empty for the embedded one
     */
    static String resolve(String option, java.util.Map<String, String> environment, boolean probe) {
        String source = option != null ? "--toxiproxy" : "TOXIPROXY_URL";
        String url = option != null ? option : environment.getOrDefault("TOXIPROXY_URL", "");
        if (url.isBlank() || url.equals("embedded")) {
            return "";
        }
        if (url.equals("docker")) {
            return url;
        }
        ToxiproxyEndpoint endpoint;
        try {
            endpoint = ToxiproxyEndpoint.at(url);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(source + ": " + e.getMessage());
        }
        if (probe) {
            endpoint.problem().ifPresent(problem -> {
                throw UserError.failure("no Toxiproxy at " + url + " (" + source + "): " + problem
                        + "; leave it out to use the embedded one");
            });
        }
        return url;
    }
}
