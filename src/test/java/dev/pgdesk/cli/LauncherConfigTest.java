package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherConfigTest {
    @TempDir
    Path appDir;

    private void writeCfg(String text) throws IOException {
        Files.writeString(appDir.resolve("pgdesk.cfg"), text, StandardCharsets.UTF_8);
    }

    @Test
    void classPathAndOptionsAreReadWithTheAppDirectoryExpanded() throws IOException {
        writeCfg("[Application]\napp.classpath=$APPDIR/pgdesk.jar\napp.mainclass=dev.pgdesk.ui.Main\n"
                + "app.classpath=$APPDIR/slf4j.jar\n\n[JavaOptions]\njava-options=-Djpackage.app-version=1.2.3\n");

        LauncherConfig config = LauncherConfig.read(appDir, "pgdesk");

        assertThat(config.classPath())
                .isEqualTo(appDir.resolve("pgdesk.jar") + File.pathSeparator + appDir.resolve("slf4j.jar"));
        assertThat(config.options()).containsExactly("-Djpackage.app-version=1.2.3");
    }

    @Test
    void anAddedOptionLandsInTheJavaOptionsSectionOnlyOnce() throws IOException {
        writeCfg("[Application]\napp.classpath=$APPDIR/pgdesk.jar\n\n[JavaOptions]\njava-options=-Xss2m\n");
        LauncherConfig config = LauncherConfig.read(appDir, "pgdesk");

        config.addOption("-XX:SharedArchiveFile=$APPDIR/pgdesk.jsa");
        config.addOption("-XX:SharedArchiveFile=$APPDIR/pgdesk.jsa");

        assertThat(Files.readAllLines(appDir.resolve("pgdesk.cfg"), StandardCharsets.UTF_8))
                .containsExactly(
                        "[Application]",
                        "app.classpath=$APPDIR/pgdesk.jar",
                        "",
                        "[JavaOptions]",
                        "java-options=-XX:SharedArchiveFile=$APPDIR/pgdesk.jsa",
                        "java-options=-Xss2m");
        assertThat(LauncherConfig.read(appDir, "pgdesk").options())
                .containsExactly("-XX:SharedArchiveFile=" + appDir + "/pgdesk.jsa", "-Xss2m");
    }

    @Test
    void aConfigWithoutJavaOptionsGetsTheSection() throws IOException {
        writeCfg("[Application]\napp.classpath=$APPDIR/pgdesk.jar\n");

        LauncherConfig.read(appDir, "pgdesk").addOption("-Xlog:cds=off");

        assertThat(LauncherConfig.read(appDir, "pgdesk").options()).containsExactly("-Xlog:cds=off");
    }
}
