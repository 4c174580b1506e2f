package dev.daytimeharness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The founders' rules about packages, checked over the code itself so a regression fails the build. */
class PackageRulesTest {
    private static final Path MAIN = Path.of("src", "main", "java", "dev", "daytimeharness");

    /** Dependencies point down: the CLI parses and prints, and nothing below it may need it. */
    @Test
    void noPackageBelowTheCliImportsIt() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> sources = sources(MAIN);
        assertThat(sources).as("sources").hasSizeGreaterThan(50);
        for (Path source : sources) {
            if (source.startsWith(MAIN.resolve("cli"))) {
                continue;
            }
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("dev.daytimeharness.cli.")) {
                    found.add(source + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(found).as("references to the cli package from below it").isEmpty();
    }

    /**
     * The reference server asks {@code client} whether native epoll loads here, so {@code client}
     * must stay below {@code server}: an import the other way would make the two a cycle.
     */
    @Test
    void theClientPackageDoesNotImportTheServer() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> sources = sources(MAIN.resolve("client"));
        assertThat(sources).as("client sources").hasSizeGreaterThan(10);
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("dev.daytimeharness.server.")) {
                    found.add(source + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(found).as("references to the server package from client").isEmpty();
    }

    /** State is passed in, never found: a conformance run can only be reached through its constructors. */
    @Test
    void conformanceHoldsNoStaticMutableStateAndNoThreadLocal() throws Exception {
        List<String> found = new ArrayList<>();
        List<Path> sources = sources(MAIN.resolve("conformance"));
        assertThat(sources).as("conformance sources").hasSizeGreaterThan(10);
        for (Path source : sources) {
            if (Files.readString(source).contains("ThreadLocal")) {
                found.add(source + ": uses ThreadLocal");
            }
            for (Class<?> c : classesOf(source)) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) && !f.isSynthetic() && !immutableConstant(f)) {
                        found.add(c.getName() + "." + f.getName() + " (" + f.getType().getSimpleName() + ")");
                    }
                }
            }
        }
        assertThat(found).as("static mutable state in conformance").isEmpty();
    }

    /** A constant: final, and of a type whose value cannot change. */
    private static boolean immutableConstant(Field f) {
        Class<?> t = f.getType();
        return Modifier.isFinal(f.getModifiers()) && (t.isPrimitive() || t == String.class || t == Duration.class
                || t == Pattern.class || t.isEnum() || t.isRecord() || Number.class.isAssignableFrom(t));
    }

    /** The class in a source file and its nested classes. */
    private static List<Class<?>> classesOf(Path source) throws ClassNotFoundException {
        String name = Path.of("src", "main", "java").relativize(source).toString()
                .replace(".java", "").replace('/', '.').replace('\\', '.');
        Class<?> top = Class.forName(name, false, PackageRulesTest.class.getClassLoader());
        List<Class<?>> all = new ArrayList<>();
        collect(top, all);
        return all;
    }

    private static void collect(Class<?> c, List<Class<?>> into) {
        into.add(c);
        for (Class<?> nested : c.getDeclaredClasses()) {
            collect(nested, into);
        }
    }

    static List<Path> sources(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
