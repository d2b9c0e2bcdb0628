package dev.pgdesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AppDirectoriesDataFilesTest {

    @Test
    void workspaceHistoryAndParameterValuesLiveInTheDataDirectory() {
        AppDirectories dirs = new AppDirectories(Path.of("/cfg"), Path.of("/data"));

        assertThat(dirs.workspaceDir()).isEqualTo(Path.of("/data/workspace"));
        assertThat(dirs.historyFile()).isEqualTo(Path.of("/data/history.jsonl"));
        assertThat(dirs.parameterMemoryFile()).isEqualTo(Path.of("/data/parameter-values.json"));
    }
}
