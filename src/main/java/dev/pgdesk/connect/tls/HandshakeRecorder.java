package dev.pgdesk.connect.tls;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a connection test read what the TLS handshake showed. pgjdbc creates {@link PgdeskSslSocketFactory}
 * itself, possibly on its own thread (login timeout), so the attempt is identified by a property in the
 * connection properties rather than by thread. Each recording is removed when closed, so nothing carries
 * over from one attempt to the next; connections without the property (the pool) record nothing.
 */
public final class HandshakeRecorder {

    /** The connection property naming the recording; pgjdbc passes unknown properties through untouched. */
    public static final String ATTEMPT_PROPERTY = "pgdeskHandshakeRecording";

    private static final Map<String, Recording> OPEN = new ConcurrentHashMap<>();

    private HandshakeRecorder() {}

    /** Starts a recording for one connection attempt; close it when the attempt is over. */
    public static Recording open() {
        Recording recording = new Recording(UUID.randomUUID().toString());
        OPEN.put(recording.id, recording);
        return recording;
    }

    static Optional<Recording> find(Properties info) {
        String id = info.getProperty(ATTEMPT_PROPERTY);
        return id == null ? Optional.empty() : Optional.ofNullable(OPEN.get(id));
    }

    /** The handshakes of one connection attempt (pgjdbc may try more than once in allow and prefer). */
    public static final class Recording implements AutoCloseable {
        private final String id;
        private volatile HandshakeFacts last;
        private volatile String clientCertificate;

        private Recording(String id) {
            this.id = id;
        }

        /** Marks {@code info} so that the socket factory pgjdbc creates reports to this recording. */
        public void attachTo(Properties info) {
            info.setProperty(ATTEMPT_PROPERTY, id);
        }

        /** The most recent handshake of the attempt, if any got as far as the server's certificate. */
        public Optional<HandshakeFacts> lastHandshake() {
            HandshakeFacts facts = last;
            String client = clientCertificate;
            return Optional.ofNullable(facts).map(f -> client == null ? f : f.withClientCertificate(client));
        }

        void serverCertificateChecked(HandshakeFacts facts) {
            last = facts;
        }

        void clientCertificateSent(String subject) {
            clientCertificate = subject;
        }

        @Override
        public void close() {
            OPEN.remove(id);
        }
    }
}
