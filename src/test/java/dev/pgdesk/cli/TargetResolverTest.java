package dev.pgdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgdesk.connect.ConnInfoException;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.PasswordLookup;
import dev.pgdesk.connect.PgEnvironment;
import dev.pgdesk.connect.ProfileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetResolverTest {
    @TempDir
    Path dir;

    private PgEnvironment env() {
        return new PgEnvironment(Map.of(), dir);
    }

    @Test
    void connectionStringsLeaveTheProfilesFileAlone() throws IOException, ConnInfoException {
        Path file = Files.writeString(dir.resolve("profiles.json"), "corrupt");
        List<String> warnings = new ArrayList<>();

        new TargetResolver(new ProfileStore(file), env(), PasswordLookup.NONE)
                .resolve("postgresql://h/db", warnings::add);

        assertThat(file).hasContent("corrupt");
        assertThat(warnings).isEmpty();
    }

    @Test
    void profileNamesAreLookedUpInTheStore() throws IOException, ConnInfoException {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        store.save(List.of(ConnectionProfile.builder()
                .name("Reports")
                .host("reports.example.com")
                .build()));

        String host = new TargetResolver(store, env(), PasswordLookup.NONE)
                .resolve("reports", warning -> {})
                .profile()
                .host();

        assertThat(host).isEqualTo("reports.example.com");
    }
}
