package dev.daytimeharness.target;

import java.util.regex.Pattern;

/**
 * Docker's rule for an image reference ({@code [registry[:port]/]path[:tag][@digest]}, the path
 * lower-case), checked before the engine is asked: a typo is then a usage error in one line, not
 * the engine's JSON, a Jackson exception or a minute's wait.
 */
public final class ImageName {
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN_PART = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = DOMAIN_PART + "(?:\\." + DOMAIN_PART + ")*(?::[0-9]+)?";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final Pattern REFERENCE = Pattern.compile("(?:" + DOMAIN + "/)?" + COMPONENT + "(?:/" + COMPONENT
            + ")*(?::" + TAG + ")?(?:@" + DIGEST + ")?");

    private ImageName() {}

    /** @throws IllegalArgumentException with a one-line message when {@code image} is not a reference */
    public static String check(String image) {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("no image named (e.g. docker:daytime-harness/xinetd:local)");
        }
        if (image.length() > 255 || !REFERENCE.matcher(image).matches()) {
            throw new IllegalArgumentException("'" + image + "' is not a Docker image name (lowercase, no spaces,"
                    + " e.g. daytime-harness/xinetd:local)");
        }
        return image;
    }
}
