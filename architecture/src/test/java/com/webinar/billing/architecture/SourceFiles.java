package com.webinar.billing.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The string literals of every module's main Java sources. ArchUnit sees calls and types, not the text of
 * constants, so the rules about text (SQL, Stripe's wire format) read the sources; comments are left out.
 */
record SourceFiles(Path root) {
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern LINE_COMMENT = Pattern.compile("(?m)^\\s*//.*$");

    /** A literal and where it is, as {@code module/src/main/java/.../X.java}. */
    record Literal(String file, String text) {
        @Override
        public String toString() {
            return file + ": \"" + text.strip().replaceAll("\\s+", " ") + "\"";
        }
    }

    /** The repository: surefire runs in this module's directory, one below the root pom. */
    static SourceFiles ofThisRepository() {
        Path root = Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(root.resolve("billing-core/src/main/java"))) {
            throw new IllegalStateException(root + " is not the repository's root");
        }
        return new SourceFiles(root);
    }

    List<Literal> literals() {
        List<Literal> found = new ArrayList<>();
        for (Path file : mainSources()) {
            String source = read(file);
            source = BLOCK_COMMENT.matcher(source).replaceAll(" ");
            source = LINE_COMMENT.matcher(source).replaceAll("");
            String name = root.relativize(file).toString().replace('\\', '/');
            Matcher block = TEXT_BLOCK.matcher(source);
            while (block.find()) {
                found.add(new Literal(name, block.group(1)));
            }
            Matcher literal = LITERAL.matcher(block.replaceAll(" "));
            while (literal.find()) {
                found.add(new Literal(name, literal.group(1)));
            }
        }
        return found;
    }

    private List<Path> mainSources() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> path.toString().replace('\\', '/').contains("/src/main/java/"))
                    .filter(path -> !root.relativize(path).startsWith("bench"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
