package dev.pgdesk.connect.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A client certificate chain and its private key, loaded from PEM files or a PKCS#12 (.p12/.pfx) file.
 *
 * @param chain the client certificate first, then any intermediates
 */
record ClientKeyMaterial(List<X509Certificate> chain, PrivateKey key) {

    ClientKeyMaterial {
        chain = List.copyOf(chain);
    }

    /**
     * @param certFile the client certificate (PEM), or a .p12/.pfx holding both; may be null
     * @param keyFile the key (PEM), or a .p12/.pfx holding both; may be null when {@code certFile} holds it
     */
    static ClientKeyMaterial load(Path certFile, Path keyFile, char[] password) throws TlsFileException {
        if (isPkcs12(keyFile)) {
            return loadPkcs12(keyFile, password);
        }
        if (isPkcs12(certFile)) {
            return loadPkcs12(certFile, password);
        }
        if (certFile == null) {
            throw new TlsFileException(
                    keyFile, "A client key " + keyFile + " is set without a client certificate: set both, or neither.");
        }
        List<X509Certificate> chain = PemFiles.readCertificates(certFile, "client certificate file");
        Path effectiveKey = keyFile;
        if (effectiveKey == null) {
            if (!PemFiles.containsPrivateKey(certFile)) {
                throw new TlsFileException(
                        certFile,
                        "A client certificate " + certFile + " is set without its key file: set the client key too.");
            }
            effectiveKey = certFile;
        }
        PrivateKey key = PemFiles.readPrivateKey(effectiveKey, password, "client key file");
        return new ClientKeyMaterial(chain, key);
    }

    private static boolean isPkcs12(Path file) {
        if (file == null) {
            return false;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".p12") || name.endsWith(".pfx");
    }

    private static ClientKeyMaterial loadPkcs12(Path file, char[] password) throws TlsFileException {
        byte[] content = PemFiles.read(file, "PKCS#12 file");
        char[] secret = password == null ? new char[0] : password;
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(content), secret);
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, secret);
                Certificate[] chain = store.getCertificateChain(alias);
                if (key instanceof PrivateKey && chain != null && chain.length > 0) {
                    return new ClientKeyMaterial(
                            java.util.Arrays.stream(chain)
                                    .map(X509Certificate.class::cast)
                                    .toList(),
                            (PrivateKey) key);
                }
            }
        } catch (IOException e) {
            if (secret.length == 0) {
                throw TlsFileException.passwordRequired(
                        file,
                        "The PKCS#12 file " + file + " is protected by a password: give it (Key password in the"
                                + " connection dialog).");
            }
            throw new TlsFileException(
                    file,
                    "The PKCS#12 file " + file + " could not be opened: the password (Key password in the connection"
                            + " dialog) is wrong or missing, or the file is damaged.",
                    e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new TlsFileException(
                    file, "The PKCS#12 file " + file + " cannot be used (" + PemFiles.reason(e) + ").", e);
        }
        throw new TlsFileException(file, "The PKCS#12 file " + file + " holds no private key with its certificate.");
    }
}
