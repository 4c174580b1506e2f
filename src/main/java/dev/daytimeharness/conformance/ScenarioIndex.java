package dev.daytimeharness.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every scenario the packaged features define, by its stable ID: its title, level and feature.
 * An expected-failures file is checked against it, and reports group by its feature titles.
 */
public final class ScenarioIndex {
    /** The feature folders on the classpath, as the jar and {@code target/classes} hold them. */
    public static List<String> featureDirs() {
        return List.of("features/server", "features/faults", "features/client");
    }

    /**
     * One scenario as its feature file declares it.
     *
     * @param id its ID tag without the {@code @}
     * @param name its title
     * @param feature its feature's title
     * @param level {@code must}, {@code should} or {@code compat}
     */
    public record Scenario(String id, String name, String feature, String level) {}

    private final Map<String, Scenario> byId;

    private ScenarioIndex(Map<String, Scenario> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    public Optional<Scenario> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public List<Scenario> all() {
        return List.copyOf(byId.values());
    }

    /** The index of the features shipped with this harness. */
    public static ScenarioIndex packaged() {
        Map<String, Scenario> byId = new LinkedHashMap<>();
        for (String text : featureTexts(featureDirs())) {
            read(text).forEach(s -> byId.put(s.id(), s));
        }
        return new ScenarioIndex(byId);
    }

    /**
     * The scenarios of one feature file's text: the tags line above each Scenario names ID and
     * level. A Scenario Outline's family members are its Examples blocks, each tagged with its own
     * ID and holding one row, whose values fill the outline's title as Cucumber fills it.
     */
    static List<Scenario> read(String featureText) {
        List<Scenario> out = new ArrayList<>();
        String feature = "";
        List<String> tags = List.of();
        String outline = null;
        List<String> outlineTags = List.of();
        List<String> examplesTags = null;
        List<String> header = null;
        for (String raw : featureText.lines().toList()) {
            String line = raw.strip();
            if (line.startsWith("@")) {
                tags = List.of(line.split("\\s+"));
            } else if (line.startsWith("Feature:")) {
                feature = line.substring("Feature:".length()).strip();
                tags = List.of();
            } else if (line.startsWith("Scenario Outline:")) {
                outline = line.substring(line.indexOf(':') + 1).strip();
                outlineTags = tags;
                examplesTags = null;
                tags = List.of();
            } else if (line.startsWith("Scenario:")) {
                outline = null;
                examplesTags = null;
                scenario(line.substring(line.indexOf(':') + 1).strip(), tags, feature).ifPresent(out::add);
                tags = List.of();
            } else if (outline != null && line.startsWith("Examples:")) {
                // The Examples' own tags first: where both name a level, the nearer one says it.
                examplesTags = new ArrayList<>(tags);
                examplesTags.addAll(outlineTags);
                header = null;
                tags = List.of();
            } else if (examplesTags != null && line.startsWith("|")) {
                List<String> cells = cells(line);
                if (header == null) {
                    header = cells;
                } else {
                    scenario(filled(outline, header, cells), examplesTags, feature).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    private static Optional<Scenario> scenario(String name, List<String> tags, String feature) {
        String id = tags.stream().filter(t -> t.startsWith("@DT-")).map(t -> t.substring(1)).findFirst().orElse("");
        String level = tags.stream().filter(t -> t.equals("@must") || t.equals("@should") || t.equals("@compat"))
                .map(t -> t.substring(1)).findFirst().orElse("must");
        return id.isEmpty() ? Optional.empty() : Optional.of(new Scenario(id, name, feature, level));
    }

    /** A table row's cells, without the outer bars. */
    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length());
        return List.of(inner.split("\\|", -1)).stream().map(String::strip).toList();
    }

    /** The outline's title with each {@code <column>} replaced by the row's value. */
    private static String filled(String outline, List<String> header, List<String> row) {
        String name = outline;
        for (int i = 0; i < header.size() && i < row.size(); i++) {
            name = name.replace("<" + header.get(i) + ">", row.get(i));
        }
        return name;
    }

    /**
     * The feature files' texts, folder by folder. In the jar, all folders are read through one
     * zip file system: opening one reads the jar's whole directory (some 20,000 entries), so each
     * open costs a check tens of milliseconds.
     */
    private static List<String> featureTexts(List<String> dirs) {
        List<String> out = new ArrayList<>();
        FileSystem jar = null;
        try {
            for (String dir : dirs) {
                URL url = ScenarioIndex.class.getClassLoader().getResource(dir);
                if (url == null) {
                    continue;
                }
                URI uri = url.toURI();
                if (uri.getScheme().equals("jar")) {
                    if (jar == null) {
                        jar = FileSystems.newFileSystem(uri, Map.of());
                    }
                    out.addAll(texts(jar.getPath(dir)));
                } else {
                    out.addAll(texts(Path.of(uri)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged features in " + dirs, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the packaged features in " + dirs, e);
        } finally {
            if (jar != null) {
                try {
                    jar.close();
                } catch (IOException ignored) {
                    // Read-only: nothing was left unwritten.
                }
            }
        }
    }

    private static List<String> texts(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".feature")).sorted().toList()) {
                out.add(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
