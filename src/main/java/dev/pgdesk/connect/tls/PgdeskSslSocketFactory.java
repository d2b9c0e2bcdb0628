package dev.pgdesk.connect.tls;

import dev.pgdesk.connect.SslMode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The SSL socket factory pgjdbc uses for every pgdesk connection (named by {@code sslfactory}; pgjdbc
 * instantiates it with the connection properties). It gives each mode libpq's meaning: allow, prefer
 * and require (without root certificate) encrypt without checking the certificate; verify-ca, and
 * require with a root certificate (pgdesk passes that as verify-ca), check the chain against the root
 * certificate file only, never the JVM's trust store; verify-full also checks the host name (pgjdbc
 * checks it once more after the handshake). Client certificates come from PEM or PKCS#12 files.
 */
public final class PgdeskSslSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;

    /**
     * Reads {@code sslmode}, {@code sslrootcert}, {@code sslcert}, {@code sslkey} and {@code sslpassword}.
     *
     * @throws TlsFileException when a certificate or key file cannot be used
     * @throws RootCertificateRequiredException when a verifying mode has no root certificate file
     */
    public PgdeskSslSocketFactory(Properties info) throws IOException {
        SslMode mode = SslMode.fromLibpqName(info.getProperty("sslmode")).orElse(SslMode.VERIFY_FULL);
        Path rootFile = path(info, "sslrootcert");
        Optional<HandshakeRecorder.Recording> recording = HandshakeRecorder.find(info);
        List<X509Certificate> roots = List.of();
        if (mode.verifiesCertificate(rootFile != null)) {
            if (rootFile == null) {
                throw new RootCertificateRequiredException(mode);
            }
            roots = PemFiles.readCertificates(rootFile, "root certificate file");
        }
        TrustManager trust = new ServerCertificateCheck(roots, rootFile, mode == SslMode.VERIFY_FULL, recording);
        KeyManager[] keys = new KeyManager[0];
        Path certFile = path(info, "sslcert");
        Path keyFile = path(info, "sslkey");
        if (certFile != null || keyFile != null) {
            String password = info.getProperty("sslpassword");
            ClientKeyMaterial material =
                    ClientKeyMaterial.load(certFile, keyFile, password == null ? null : password.toCharArray());
            keys = new KeyManager[] {new ClientCertificateKeyManager(material, recording)};
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, new TrustManager[] {trust}, null);
            delegate = context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS is not available in this Java runtime: " + e.getMessage(), e);
        }
    }

    private static Path path(Properties info, String key) {
        String value = info.getProperty(key);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return delegate.createSocket(socket, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }
}
