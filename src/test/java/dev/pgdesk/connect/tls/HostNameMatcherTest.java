package dev.pgdesk.connect.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HostNameMatcherTest {
    private static TestPki.Issued ca;

    @BeforeAll
    static void issue() throws Exception {
        ca = TestPki.ca("Test CA");
    }

    @Test
    void alternativeDnsNameMatchesCaseInsensitively() throws Exception {
        var cert = TestPki.leaf(ca, "CN=ignored", TestPki.ec(), List.of("db.example.com"), List.of())
                .certificate();

        assertThat(HostNameMatcher.matches("DB.example.com", cert)).isTrue();
        assertThat(HostNameMatcher.matches("db.example.com.", cert)).isTrue();
        assertThat(HostNameMatcher.matches("other.example.com", cert)).isFalse();
    }

    @Test
    void commonNameCountsOnlyWithoutAlternativeDnsNames() throws Exception {
        var withSan = TestPki.leaf(ca, "CN=cn.example.com", TestPki.ec(), List.of("san.example.com"), List.of())
                .certificate();
        var withoutSan = TestPki.leaf(ca, "CN=cn.example.com", TestPki.ec(), List.of(), List.of())
                .certificate();

        assertThat(HostNameMatcher.matches("cn.example.com", withSan)).isFalse();
        assertThat(HostNameMatcher.matches("cn.example.com", withoutSan)).isTrue();
    }

    @Test
    void wildcardCoversExactlyOneLeftmostLabel() throws Exception {
        var cert = TestPki.leaf(ca, "CN=wild", TestPki.ec(), List.of("*.example.com"), List.of())
                .certificate();

        assertThat(HostNameMatcher.matches("db.example.com", cert)).isTrue();
        assertThat(HostNameMatcher.matches("a.db.example.com", cert)).isFalse();
        assertThat(HostNameMatcher.matches("example.com", cert)).isFalse();
    }

    @Test
    void ipAddressesMatchAlternativeIpEntries() throws Exception {
        var cert = TestPki.leaf(ca, "CN=localhost", TestPki.ec(), List.of("localhost"), List.of("127.0.0.1", "::1"))
                .certificate();

        assertThat(HostNameMatcher.matches("127.0.0.1", cert)).isTrue();
        assertThat(HostNameMatcher.matches("[::1]", cert)).isTrue();
        assertThat(HostNameMatcher.matches("10.0.0.1", cert)).isFalse();
        assertThat(HostNameMatcher.namesOf(cert)).contains("localhost", "127.0.0.1");
    }
}
