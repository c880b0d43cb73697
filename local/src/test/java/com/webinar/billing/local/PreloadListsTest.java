package com.webinar.billing.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each function's {@code META-INF/quarkus-preload-classes.txt} (bench/coldstart, PRELOAD_LIST=1) is loaded and
 * initialised by Quarkus early in the function's static init, before CDI and the runtime config exist, and a class
 * whose initialiser fails there is broken for the life of the function. So: each listed class, initialised in a
 * class loader of its own with no application running, must initialise.
 */
class PreloadListsTest {

    static Stream<Path> lists() throws IOException {
        try (Stream<Path> modules = Files.list(Path.of("..", "functions"))) {
            List<Path> lists = modules.map(m -> m.resolve("src/main/resources/META-INF/quarkus-preload-classes.txt"))
                    .filter(Files::exists)
                    .sorted()
                    .toList();
            assertThat(lists).as("the functions' preload lists").isNotEmpty();
            return lists.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("lists")
    void every_preloaded_class_initialises_with_no_application_running(Path list) throws Exception {
        List<String> classes = Files.readAllLines(list).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        List<String> failed = new ArrayList<>();
        int initialised = 0;
        try (URLClassLoader fresh = new URLClassLoader(testClassPath(), ClassLoader.getPlatformClassLoader())) {
            for (String name : classes) {
                try {
                    Class.forName(name, true, fresh);
                    initialised++;
                } catch (ClassNotFoundException e) {
                    // not on this class path: Quarkus skips such a line as well
                } catch (LinkageError e) {
                    failed.add(name + ": " + e);
                }
            }
        }

        assertThat(failed).isEmpty();
        assertThat(initialised).as("classes found and initialised").isGreaterThan(classes.size() * 9 / 10);
    }

    private static URL[] testClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray(URL[]::new);
    }
}
