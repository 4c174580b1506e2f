package dev.daytimeharness.protocol;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One way real servers write the time: one entry of the table in {@link ReplyFormats}. The parser
 * reads every entry's pattern; the reference server and the simulator write with its renderer.
 *
 * <p>A pattern says what its digits mean by naming its groups: {@code Y} year (four digits, or two,
 * which then has two readings), {@code M} month number, {@code N} month name, {@code D} day,
 * {@code h} hour of 24, {@code H} hour of 12 with {@code a} for AM/PM, {@code m} minute,
 * {@code s} second, {@code f} fraction of a second, {@code z} zone, {@code summer} a daylight-time
 * mark, and NIST's {@code mjd}, {@code tt}, {@code leap}, {@code health} and {@code adv}.
 *
 * @param name the stable name reports and {@code --format} use, such as {@code dotnet-en-us}
 * @param provenance which real systems send it, such as {@code .NET DateTime.ToString, en-US}
 * @param pattern matched against one whole line of the reply
 * @param examples lines real systems sent (or would send), each read back by the unit tests
 * @param renderer writes a time in this format, to serve it
 * @param groups the names of the pattern's groups
 */
public record ReplyFormat(String name, String provenance, Pattern pattern, List<String> examples,
                          Renderer renderer, Set<String> groups) {
    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    /** Writes a zoned time as the format's text, without a line ending. */
    @FunctionalInterface
    public interface Renderer {
        String render(ZonedDateTime t);
    }

    static ReplyFormat of(String name, String provenance, String regex, Renderer renderer, String... examples) {
        Set<String> groups = new LinkedHashSet<>();
        Matcher m = GROUP_NAME.matcher(regex);
        while (m.find()) {
            groups.add(m.group(1));
        }
        return new ReplyFormat(name, provenance, Pattern.compile(regex), List.of(examples), renderer, Set.copyOf(groups));
    }

    /** The text of one reply, without its line ending. */
    public String render(Instant now, ZoneId zone) {
        return renderer.render(ZonedDateTime.ofInstant(now, zone));
    }

    /** The name users type on the command line: {@code ctime}, {@code nist}, {@code dotnet-en-us} ... */
    public String cliName() {
        return name;
    }

    /** The name and where it comes from, as {@code get --verbose} and the profile show it. */
    public String described() {
        return name + " (" + provenance + ")";
    }

    /** Which of day and month the pattern writes first: what an ambiguous reading is called by. */
    String order() {
        String p = pattern.pattern();
        int day = p.indexOf("(?<D>");
        int month = Math.max(p.indexOf("(?<M>"), p.indexOf("(?<N>"));
        return day < 0 || month < 0 ? "" : day < month ? "day/month" : "month/day";
    }

    public static ReplyFormat fromCliName(String name) {
        // "rfc867" was this option's name for RFC 867's long example before the table had both.
        String wanted = name.equalsIgnoreCase("rfc867") ? "rfc867-long" : name;
        for (ReplyFormat f : ReplyFormats.ALL) {
            if (f.name().equalsIgnoreCase(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "' (choose one of " + names() + ")");
    }

    public static String names() {
        return ReplyFormats.ALL.stream().map(ReplyFormat::cliName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return name;
    }
}
