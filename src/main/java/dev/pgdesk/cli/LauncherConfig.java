package dev.pgdesk.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a jpackage launcher starts the JVM, from its {@code <launcher>.cfg} in the image's app directory: the class
 * path and the Java options, with {@code $APPDIR} expanded, so a benchmark or an archive dump can start the same way.
 */
record LauncherConfig(Path cfg, List<String> classPathEntries, List<String> options) {
    private static final String CLASS_PATH = "app.classpath=";
    private static final String JAVA_OPTION = "java-options=";
    private static final String JAVA_OPTIONS_SECTION = "[JavaOptions]";

    static LauncherConfig read(Path appDir, String launcher) throws IOException {
        Path cfg = appDir.resolve(launcher + ".cfg");
        List<String> classPath = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(cfg, StandardCharsets.UTF_8)) {
            String expanded = line.replace("$APPDIR", appDir.toString());
            if (expanded.startsWith(CLASS_PATH)) {
                classPath.add(expanded.substring(CLASS_PATH.length()));
            } else if (expanded.startsWith(JAVA_OPTION)) {
                options.add(expanded.substring(JAVA_OPTION.length()));
            }
        }
        return new LauncherConfig(cfg, List.copyOf(classPath), List.copyOf(options));
    }

    String classPath() {
        return String.join(File.pathSeparator, classPathEntries);
    }

    /** Adds a Java option (written as is, so {@code $APPDIR} stays relative) unless the file has it already. */
    void addOption(String option) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.UTF_8));
        if (lines.contains(JAVA_OPTION + option)) {
            return;
        }
        int section = lines.indexOf(JAVA_OPTIONS_SECTION);
        if (section < 0) {
            lines.add(JAVA_OPTIONS_SECTION);
            section = lines.size() - 1;
        }
        lines.add(section + 1, JAVA_OPTION + option);
        Files.write(cfg, lines, StandardCharsets.UTF_8);
    }
}
