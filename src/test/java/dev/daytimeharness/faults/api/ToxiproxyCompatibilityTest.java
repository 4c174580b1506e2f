package dev.daytimeharness.faults.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.daytimeharness.server.DaytimeServer;
import dev.daytimeharness.server.ServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replays what a real Toxiproxy 2.12.0 was asked (the recording in {@code toxiproxy-2.12.0/}, see
 * its README) against the embedded server, and expects the recorded answers: status, Content-Type
 * and body, with addresses normalised. The README's deliberate differences are not among them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ToxiproxyCompatibilityTest {
    private static final String RECORDING = "toxiproxy-2.12.0/";
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Pattern ADDRESS = Pattern.compile("127\\.0\\.0\\.1:\\d+");

    @RegisterExtension
    final LoopbackToxiproxy server = new LoopbackToxiproxy();
    private DaytimeServer daytime;
    private String upstream;

    @BeforeEach
    void start() throws IOException {
        daytime = new DaytimeServer(ServerOptions.loopback(0), System.err);
        upstream = "127.0.0.1:" + daytime.start();
    }

    @AfterEach
    void stop() {
        daytime.close();
    }

    /** One recorded request, as its curl command line gave it. */
    private record Request(String title, String method, String path, Map<String, String> headers, String body) {}

    /** One recorded answer; the body is cut at 300 characters, newlines written as {@code ~}. */
    private record Answer(int status, String contentType, String body) {}

    /**
     * The README's deliberate differences among the recorded requests, with what the embedded
     * server answers instead: Toxiproxy takes these, then panics or spins on the first connection,
     * or serves a page that rebound a foreign name to this machine.
     */
    private static final Map<String, Integer> DELIBERATE = Map.of(
            "toxic slicer average_size 2^32", 400,
            "toxic latency jitter 2^63-1", 400,
            "GET /proxies Host=evil.example", 403);

    @ParameterizedTest
    @CsvSource({"api-requests.txt, api-answers.txt, 20", "more-requests.txt, more-answers.txt, 34"})
    void everyRecordedRequestGetsTheRecordedAnswer(String requestFile, String answerFile, int count) throws IOException {
        List<Request> requests = requests(resource(requestFile));
        Map<String, Answer> answers = answers(resource(answerFile));
        assertThat(requests).hasSize(count);
        assertThat(answers.keySet()).containsExactlyElementsOf(requests.stream().map(Request::title).toList());
        List<String> differences = new ArrayList<>();
        for (Request r : requests) {
            Answer expected = answers.get(r.title());
            RawHttp got = RawHttp.send(server.port(), r.method(), r.path(), r.headers(),
                    r.body() == null ? null : r.body().replace("127.0.0.1:10116", upstream), DEADLINE);
            Answer actual = new Answer(got.status(), got.contentType(), recorded(got.body()));
            if (DELIBERATE.containsKey(r.title())) {
                if (got.status() != DELIBERATE.get(r.title())) {
                    differences.add(r.title() + ": a deliberate " + DELIBERATE.get(r.title()) + " expected, got " + actual);
                }
            } else if (!normalise(actual).equals(normalise(expected))) {
                differences.add(r.title() + ":\n  real:     " + expected + "\n  embedded: " + actual);
            }
        }
        assertThat(differences).as("answers that differ from Toxiproxy 2.12.0's").isEmpty();
    }

    @Test
    void everyRecordedCliCommandGetsWhatTheCliNeeds() throws IOException {
        List<String> commands = commands(resource("cli-answers.txt"));
        List<List<String>> requests = blocks(resource("cli-requests.txt"));
        assertThat(requests).extracting(b -> b.get(0)).containsExactlyElementsOf(commands.stream()
                .map(c -> c.lines().findFirst().orElseThrow()).toList());
        String listen = "";
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            String output = commands.get(i);
            boolean allOk = true;
            RawHttp last = null;
            for (String line : requests.get(i).subList(1, requests.get(i).size())) {
                Matcher m = Pattern.compile("(\\S+) (\\S+)(?: (.*?))? -> (\\d+)((?: \\| \\S+=\\S+)*)").matcher(line);
                assertThat(m.matches()).as(line).isTrue();
                String body = m.group(3) == null ? null : m.group(3).replace("$UPSTREAM", upstream).replace("$LISTEN", listen);
                last = RawHttp.send(server.port(), m.group(1), m.group(2),
                        Map.of("User-Agent", "toxiproxy-cli", "Content-Type", "application/json"), body, DEADLINE);
                if (last.status() != Integer.parseInt(m.group(4))) {
                    differences.add(line + ": got " + last.status() + " " + last.body());
                }
                if (last.status() >= 300) {
                    allOk = false;
                    break;
                }
                JsonElement json = last.body().isEmpty() ? null : JsonParser.parseString(last.body());
                if (json != null && json.isJsonObject() && json.getAsJsonObject().has("listen")) {
                    listen = json.getAsJsonObject().get("listen").getAsString();
                }
                for (String check : m.group(5).split(" \\| ")) {
                    if (!check.isBlank() && !check.strip().equals(value(json, check.strip().split("=")[0]) == null ? ""
                            : check.strip().split("=")[0] + "=" + value(json, check.strip().split("=")[0]))) {
                        differences.add(line + ": expected " + check.strip() + ", got " + value(json, check.strip().split("=")[0]));
                    }
                }
            }
            assertThat(output).as(requests.get(i).get(0)).endsWith(allOk ? "[exit 0]" : "[exit 1]");
            Matcher error = Pattern.compile("HTTP (\\d+): (.+)").matcher(output);
            if (error.find()) {
                String said = JsonParser.parseString(last.body()).getAsJsonObject().get("error").getAsString();
                if (last.status() != Integer.parseInt(error.group(1)) || !said.equals(error.group(2).strip())) {
                    differences.add(requests.get(i).get(0) + ": the CLI printed \"" + error.group() + "\", we answered "
                            + last.status() + " " + said);
                }
            }
        }
        assertThat(differences).as("what toxiproxy-cli would print differently").isEmpty();
    }

    /** A value at a dotted path: {@code toxics.0.name}, or {@code clip.toxics#} for an array's size. */
    private static String value(JsonElement json, String path) {
        JsonElement at = json;
        for (String part : path.split("\\.")) {
            boolean size = part.endsWith("#");
            String key = size ? part.substring(0, part.length() - 1) : part;
            if (at == null) {
                return null;
            }
            at = at.isJsonArray() ? at.getAsJsonArray().get(Integer.parseInt(key)) : at.getAsJsonObject().get(key);
            if (size) {
                return at == null ? null : Integer.toString(at.getAsJsonArray().size());
            }
        }
        return at == null || at.isJsonNull() ? null : at.getAsString();
    }

    private static Answer normalise(Answer a) {
        return new Answer(a.status(), a.contentType(), ADDRESS.matcher(a.body()).replaceAll("127.0.0.1:<port>"));
    }

    /** A body as the recording writes it: newlines as {@code ~}, at most 300 characters. */
    private static String recorded(String body) {
        String b = body.replace("\n", "~");
        return b.length() > 300 ? b.substring(0, 300) : b;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ToxiproxyCompatibilityTest.class.getResourceAsStream(RECORDING + name)) {
            assertThat(in).as(RECORDING + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Request> requests(String text) {
        List<Request> list = new ArrayList<>();
        for (String line : text.lines().filter(l -> l.startsWith("- ")).toList()) {
            int colon = line.indexOf(": curl ");
            List<String> words = words(line.substring(colon + 7));
            String method = "GET";
            String body = null;
            String path = null;
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 0; i < words.size(); i++) {
                switch (words.get(i)) {
                    case "-X" -> method = words.get(++i);
                    case "-d" -> {
                        body = words.get(++i);
                        method = method.equals("GET") ? "POST" : method;
                    }
                    case "-H" -> {
                        String[] kv = words.get(++i).split(": ", 2);
                        headers.put(kv[0], kv[1]);
                    }
                    default -> path = words.get(i).replace("$API", "");
                }
            }
            if (body != null && !headers.containsKey("Content-Type")) {
                headers.put("Content-Type", "application/x-www-form-urlencoded");
            }
            list.add(new Request(line.substring(2, colon), method, path, headers, body));
        }
        return list;
    }

    /** Shell words: single quotes keep everything, double quotes too here (the recording has no escapes). */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static Map<String, Answer> answers(String text) {
        Map<String, Answer> map = new LinkedHashMap<>();
        Matcher m = Pattern.compile("### (.+)\\n  status=(\\d+) ctype=(.*)\\n  body=(.*)").matcher(text);
        while (m.find()) {
            map.put(m.group(1), new Answer(Integer.parseInt(m.group(2)), m.group(3), m.group(4)));
        }
        return map;
    }

    /** The recorded CLI run, one entry a command: its {@code $} line, output and {@code [exit N]}. */
    private static List<String> commands(String text) {
        List<String> list = new ArrayList<>();
        for (String part : text.split("(?m)^(?=\\$ )")) {
            if (part.startsWith("$ ")) {
                list.add(part.strip());
            }
        }
        return list;
    }

    private static List<List<String>> blocks(String text) {
        List<List<String>> list = new ArrayList<>();
        for (String line : text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList()) {
            if (line.startsWith("$ ")) {
                list.add(new ArrayList<>());
            }
            list.get(list.size() - 1).add(line);
        }
        return list;
    }
}
