package org.cancelportal.it.support;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Code the README shows integrators, taken from the README itself and compiled, so that what it shows works. */
public final class ReadmeSnippet {

    private static final Path README = Path.of("..", "README.md");

    private ReadmeSnippet() {
    }

    /** Compiles the README's fenced block of this language that declares the class, and loads that class. */
    public static Class<?> compile(String language, String className) throws IOException, ClassNotFoundException {
        Matcher blocks = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(README));
        String source = null;
        while (blocks.find()) {
            if (blocks.group(1).contains("class " + className + " ")) {
                source = blocks.group(1);
            }
        }
        if (source == null) {
            throw new AssertionError("The README has no " + language + " block declaring " + className);
        }
        Path folder = Files.createTempDirectory("readme-snippet");
        Path file = Files.writeString(folder.resolve(className + ".java"), source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler.run(null, null, null, "-d", folder.toString(), file.toString()) != 0) {
            throw new AssertionError("The README's " + className + " does not compile:\n" + source);
        }
        return new URLClassLoader(new URL[] {folder.toUri().toURL()}, ReadmeSnippet.class.getClassLoader())
                .loadClass(className);
    }
}
