package dev.pgdesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirectoriesTest {
    private final Path home = Path.of("/home/alice");

    @Test
    void linuxFollowsTheXdgVariables() {
        AppDirectories dirs = AppDirectories.resolve(
                null, "Linux", Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/share"), home);

        assertThat(dirs.configDir()).isEqualTo(Path.of("/cfg/pgdesk"));
        assertThat(dirs.dataDir()).isEqualTo(Path.of("/share/pgdesk"));
        assertThat(dirs.profilesFile()).isEqualTo(Path.of("/cfg/pgdesk/profiles.json"));
    }

    @Test
    void linuxFallsBackToTheXdgDefaultsWhenUnsetOrRelative() {
        AppDirectories dirs = AppDirectories.resolve(null, "Linux", Map.of("XDG_CONFIG_HOME", "relative"), home);

        assertThat(dirs.configDir()).isEqualTo(home.resolve(".config/pgdesk"));
        assertThat(dirs.dataDir()).isEqualTo(home.resolve(".local/share/pgdesk"));
    }

    @Test
    void macOsUsesApplicationSupportForBoth() {
        AppDirectories dirs = AppDirectories.resolve(null, "Mac OS X", Map.of(), home);

        assertThat(dirs.configDir()).isEqualTo(home.resolve("Library/Application Support/pgdesk"));
        assertThat(dirs.dataDir()).isEqualTo(dirs.configDir());
    }

    @Test
    void windowsUsesRoamingForConfigurationAndLocalForData() {
        AppDirectories dirs = AppDirectories.resolve(
                null,
                "Windows 11",
                Map.of("APPDATA", "/users/alice/roaming", "LOCALAPPDATA", "/users/alice/local"),
                home);

        assertThat(dirs.configDir()).isEqualTo(Path.of("/users/alice/roaming/pgdesk"));
        assertThat(dirs.dataDir()).isEqualTo(Path.of("/users/alice/local/pgdesk"));
    }

    @Test
    void pgdeskHomePutsEverythingUnderOneDirectory() {
        AppDirectories dirs =
                AppDirectories.resolve("/tmp/pgdesk-test", "Linux", Map.of("XDG_CONFIG_HOME", "/cfg"), home);

        assertThat(dirs.configDir()).isEqualTo(Path.of("/tmp/pgdesk-test/config"));
        assertThat(dirs.dataDir()).isEqualTo(Path.of("/tmp/pgdesk-test/data"));
    }

    @Test
    void forCurrentUserHonoursTheSystemProperty() {
        String previous = System.getProperty(AppDirectories.HOME_PROPERTY);
        System.setProperty(AppDirectories.HOME_PROPERTY, "/tmp/pgdesk-home-check");
        try {
            assertThat(AppDirectories.forCurrentUser().configDir()).isEqualTo(Path.of("/tmp/pgdesk-home-check/config"));
        } finally {
            if (previous == null) {
                System.clearProperty(AppDirectories.HOME_PROPERTY);
            } else {
                System.setProperty(AppDirectories.HOME_PROPERTY, previous);
            }
        }
    }
}
