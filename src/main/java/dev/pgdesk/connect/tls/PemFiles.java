package dev.pgdesk.connect.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.EncryptionException;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads certificates and private keys as users have them: PEM files (one or several certificates;
 * keys in PKCS#8, PKCS#1 or SEC1, plain or encrypted) and, for certificates, DER. Every problem becomes
 * a {@link TlsFileException} naming the file and what to do.
 */
final class PemFiles {
    // Used as an explicit provider, never installed globally: only our key decryption relies on it.
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private PemFiles() {}

    /** Every certificate in {@code file}; fails when there is none. */
    static List<X509Certificate> readCertificates(Path file, String description) throws TlsFileException {
        byte[] content = read(file, description);
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(new String(content, StandardCharsets.ISO_8859_1)))) {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder) {
                    certificates.add(converter.getCertificate((X509CertificateHolder) item));
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new TlsFileException(
                    file,
                    "The " + description + " " + file + " is damaged or not a certificate file (" + reason(e) + ").",
                    e);
        }
        if (certificates.isEmpty()) {
            certificates.addAll(readDer(content));
        }
        if (certificates.isEmpty()) {
            throw new TlsFileException(
                    file,
                    "The " + description + " " + file
                            + " contains no certificate: expected PEM (-----BEGIN CERTIFICATE-----) or DER.");
        }
        return certificates;
    }

    /** The private key in {@code file}, decrypted with {@code password} when it is encrypted. */
    static PrivateKey readPrivateKey(Path file, char[] password, String description) throws TlsFileException {
        byte[] content = read(file, description);
        try (PEMParser parser = new PEMParser(new StringReader(new String(content, StandardCharsets.ISO_8859_1)))) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                PrivateKeyInfo keyInfo = toPrivateKeyInfo(item, file, password, description);
                if (keyInfo != null) {
                    return converter.getPrivateKey(keyInfo);
                }
            }
        } catch (TlsFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new TlsFileException(
                    file, "The " + description + " " + file + " is damaged or not a key file (" + reason(e) + ").", e);
        }
        PrivateKey der = readDerKey(content, file, password, description);
        if (der != null) {
            return der;
        }
        throw new TlsFileException(
                file,
                "The " + description + " " + file
                        + " contains no private key: expected PEM in PKCS#8 (BEGIN PRIVATE KEY), PKCS#1 (BEGIN RSA"
                        + " PRIVATE KEY) or SEC1 (BEGIN EC PRIVATE KEY) format, or a .p12/.pfx file.");
    }

    /** pgjdbc's own convention is a DER PKCS#8 key (.pk8), plain or encrypted; users bring those too. */
    private static PrivateKey readDerKey(byte[] content, Path file, char[] password, String description)
            throws TlsFileException {
        Object parsed;
        try {
            org.bouncycastle.asn1.ASN1Sequence sequence = org.bouncycastle.asn1.ASN1Sequence.getInstance(content);
            // An encrypted PKCS#8 structure has two elements, a plain one at least three.
            parsed = sequence.size() == 2
                    ? new PKCS8EncryptedPrivateKeyInfo(
                            org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo.getInstance(sequence))
                    : PrivateKeyInfo.getInstance(sequence);
        } catch (RuntimeException e) {
            return null;
        }
        try {
            PrivateKeyInfo keyInfo = toPrivateKeyInfo(parsed, file, password, description);
            return keyInfo == null ? null : new JcaPEMKeyConverter().getPrivateKey(keyInfo);
        } catch (TlsFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether a file holds a private key, without failing on anything else in it. */
    static boolean containsPrivateKey(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            return text.contains("PRIVATE KEY-----");
        } catch (IOException e) {
            return false;
        }
    }

    private static PrivateKeyInfo toPrivateKeyInfo(Object item, Path file, char[] password, String description)
            throws TlsFileException, IOException {
        if (item instanceof PrivateKeyInfo) {
            return (PrivateKeyInfo) item;
        }
        if (item instanceof PEMKeyPair) {
            return ((PEMKeyPair) item).getPrivateKeyInfo();
        }
        if (item instanceof PEMEncryptedKeyPair) {
            requirePassword(file, password, description);
            try {
                return ((PEMEncryptedKeyPair) item)
                        .decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                                .setProvider(BOUNCY_CASTLE)
                                .build(password))
                        .getPrivateKeyInfo();
            } catch (EncryptionException e) {
                throw wrongPassword(file, description, e);
            }
        }
        if (item instanceof PKCS8EncryptedPrivateKeyInfo) {
            requirePassword(file, password, description);
            try {
                InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                        .setProvider(BOUNCY_CASTLE)
                        .build(password);
                return ((PKCS8EncryptedPrivateKeyInfo) item).decryptPrivateKeyInfo(decryptor);
            } catch (OperatorCreationException | PKCSException e) {
                throw wrongPassword(file, description, e);
            }
        }
        return null;
    }

    private static void requirePassword(Path file, char[] password, String description) throws TlsFileException {
        if (password == null || password.length == 0) {
            throw TlsFileException.passwordRequired(
                    file,
                    "The " + description + " " + file
                            + " is encrypted: give its password (Key password in the connection dialog), or use an"
                            + " unencrypted key.");
        }
    }

    private static TlsFileException wrongPassword(Path file, String description, Exception cause) {
        return new TlsFileException(
                file,
                "The " + description + " " + file
                        + " could not be decrypted: the key password is wrong, or the encryption is not supported.",
                cause);
    }

    private static List<X509Certificate> readDer(byte[] content) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(content))) {
                if (certificate instanceof X509Certificate) {
                    certificates.add((X509Certificate) certificate);
                }
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // Not DER either: the caller reports that the file holds no certificate.
        }
        return certificates;
    }

    static byte[] read(Path file, String description) throws TlsFileException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TlsFileException(
                    file, "The " + description + " " + file + " does not exist. Check the path in the profile.", e);
        } catch (AccessDeniedException e) {
            throw new TlsFileException(
                    file,
                    "The " + description + " " + file + " cannot be read (permission denied). Make it readable"
                            + " by your user.",
                    e);
        } catch (IOException e) {
            throw new TlsFileException(
                    file, "The " + description + " " + file + " cannot be read (" + reason(e) + ").", e);
        }
    }

    static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "unreadable content" : message;
    }
}
