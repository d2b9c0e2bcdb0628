package dev.pgdesk.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates for TLS tests, generated fresh into a directory at test time (never checked in): a test
 * CA, an unrelated second CA, server certificates for {@code localhost} and {@code otherhost.example},
 * and client certificates for user {@code certuser}. Every file is PEM except {@link
 * #clientKeyPkcs8Der()}, which is the DER form pgjdbc's default key manager reads.
 *
 * <p>Private keys are mode 0600; the server keys also belong to {@code nobody} when the tests run as
 * root, because the server runs as {@code nobody} and refuses keys others can read.
 */
public final class TestCertificates {
    public static final String CA_NAME = "pgdesk test CA";
    public static final String OTHER_CA_NAME = "other test CA";
    public static final String CLIENT_USER = "certuser";
    /** The password of {@link #clientKeyEncrypted()}. */
    public static final String CLIENT_KEY_PASSWORD = "key-secret";

    public static final String OTHER_HOST = "otherhost.example";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    private TestCertificates(Path directory) {
        this.directory = directory;
    }

    /** Generates every certificate and key into {@code directory} (created if missing). */
    public static TestCertificates generate(Path directory) throws IOException {
        try {
            Files.createDirectories(directory);
            TestCertificates certificates = new TestCertificates(directory);
            certificates.writeAll();
            return certificates;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("could not generate test certificates: " + e.getMessage(), e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** The CA that signed every certificate below. */
    public Path caCert() {
        return directory.resolve("ca.crt");
    }

    /** A CA that signed nothing here: verifying against it must fail. */
    public Path otherCaCert() {
        return directory.resolve("other-ca.crt");
    }

    /** Server certificate for DNS:localhost and IP:127.0.0.1. */
    public Path localhostCert() {
        return directory.resolve("localhost.crt");
    }

    public Path localhostKey() {
        return directory.resolve("localhost.key");
    }

    /** Server certificate for DNS:otherhost.example only: host name verification of localhost fails. */
    public Path otherHostCert() {
        return directory.resolve("otherhost.crt");
    }

    public Path otherHostKey() {
        return directory.resolve("otherhost.key");
    }

    /** Client certificate with CN=certuser (RSA key). */
    public Path clientCert() {
        return directory.resolve("certuser.crt");
    }

    /** The client's RSA key as PEM PKCS#8 ({@code BEGIN PRIVATE KEY}). */
    public Path clientKeyPkcs8() {
        return directory.resolve("certuser.key");
    }

    /** The same RSA key as PEM PKCS#1 ({@code BEGIN RSA PRIVATE KEY}), as openssl used to write. */
    public Path clientKeyPkcs1() {
        return directory.resolve("certuser-pkcs1.key");
    }

    /** The same RSA key as DER PKCS#8, the format pgjdbc's default {@code sslkey} handling expects. */
    public Path clientKeyPkcs8Der() {
        return directory.resolve("certuser.pk8");
    }

    /** The client's RSA key as encrypted PEM PKCS#8, with {@link #CLIENT_KEY_PASSWORD}. */
    public Path clientKeyEncrypted() {
        return directory.resolve("certuser-encrypted.key");
    }

    /** A second client certificate with CN=certuser, for an EC (P-256) key. */
    public Path clientEcCert() {
        return directory.resolve("certuser-ec.crt");
    }

    /** The EC client key as PEM PKCS#8. */
    public Path clientEcKey() {
        return directory.resolve("certuser-ec.key");
    }

    private void writeAll() throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPair caKeys = rsa();
        X500Name caName = new X500Name("CN=" + CA_NAME + ",O=pgdesk");
        X509Certificate ca = caCertificate(caName, caKeys);
        writePem(caCert(), ca, false);

        KeyPair otherCaKeys = rsa();
        writePem(
                otherCaCert(), caCertificate(new X500Name("CN=" + OTHER_CA_NAME + ",O=elsewhere"), otherCaKeys), false);

        KeyPair localhostKeys = rsa();
        writePem(
                localhostCert(),
                leaf(
                        caName,
                        caKeys,
                        ca,
                        "localhost",
                        localhostKeys.getPublic(),
                        KeyPurposeId.id_kp_serverAuth,
                        List.of(
                                new GeneralName(GeneralName.dNSName, "localhost"),
                                new GeneralName(GeneralName.iPAddress, "127.0.0.1"))),
                false);
        writeServerKey(localhostKey(), localhostKeys.getPrivate());

        KeyPair otherHostKeys = rsa();
        writePem(
                otherHostCert(),
                leaf(
                        caName,
                        caKeys,
                        ca,
                        OTHER_HOST,
                        otherHostKeys.getPublic(),
                        KeyPurposeId.id_kp_serverAuth,
                        List.of(new GeneralName(GeneralName.dNSName, OTHER_HOST))),
                false);
        writeServerKey(otherHostKey(), otherHostKeys.getPrivate());

        KeyPair clientKeys = rsa();
        writePem(
                clientCert(),
                leaf(caName, caKeys, ca, CLIENT_USER, clientKeys.getPublic(), KeyPurposeId.id_kp_clientAuth, List.of()),
                false);
        writePem(clientKeyPkcs8(), new JcaPKCS8Generator(clientKeys.getPrivate(), null), true);
        // A bare java.security.PrivateKey is written in its traditional (PKCS#1 for RSA) form.
        writePem(clientKeyPkcs1(), clientKeys.getPrivate(), true);
        writePem(
                clientKeyEncrypted(),
                new JcaPKCS8Generator(
                        clientKeys.getPrivate(),
                        new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                                // Not installed JVM-wide: the JDK's providers lack the padding this needs.
                                .setProvider(new BouncyCastleProvider())
                                .setPassword(CLIENT_KEY_PASSWORD.toCharArray())
                                .build()),
                true);
        Files.write(clientKeyPkcs8Der(), clientKeys.getPrivate().getEncoded());
        ownerOnly(clientKeyPkcs8Der());

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ecKeys = ec.generateKeyPair();
        writePem(
                clientEcCert(),
                leaf(caName, caKeys, ca, CLIENT_USER, ecKeys.getPublic(), KeyPurposeId.id_kp_clientAuth, List.of()),
                false);
        writePem(clientEcKey(), new JcaPKCS8Generator(ecKeys.getPrivate(), null), true);
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate caCertificate(X500Name name, KeyPair keys)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                        name, serial(), notBefore(), notAfter(), name, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(
                        Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
        return sign(builder, keys.getPrivate());
    }

    private static X509Certificate leaf(
            X500Name issuer,
            KeyPair issuerKeys,
            X509Certificate issuerCert,
            String commonName,
            PublicKey subjectKey,
            KeyPurposeId purpose,
            List<GeneralName> alternativeNames)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        int usage = subjectKey.getAlgorithm().equals("EC")
                ? KeyUsage.digitalSignature
                : KeyUsage.digitalSignature | KeyUsage.keyEncipherment;
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                        issuer, serial(), notBefore(), notAfter(), new X500Name("CN=" + commonName), subjectKey)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(usage))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey))
                .addExtension(
                        Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuerCert));
        if (!alternativeNames.isEmpty()) {
            builder.addExtension(
                    Extension.subjectAlternativeName,
                    false,
                    new GeneralNames(alternativeNames.toArray(GeneralName[]::new)));
        }
        return sign(builder, issuerKeys.getPrivate());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws GeneralSecurityException, OperatorCreationException {
        ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withRSA").build(signer);
        return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).add(BigInteger.ONE);
    }

    private static Date notBefore() {
        return Date.from(Instant.now().minus(Duration.ofDays(1)));
    }

    private static Date notAfter() {
        return Date.from(Instant.now().plus(Duration.ofDays(365)));
    }

    private static void writePem(Path file, Object object, boolean secret) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(object instanceof JcaPKCS8Generator generator ? generator.generate() : object);
        }
        Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
        if (secret) {
            ownerOnly(file);
        } else {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void writeServerKey(Path file, PrivateKey key) throws IOException {
        writePem(file, new JcaPKCS8Generator(key, null), true);
        if (TestServer.runningAsRoot()) {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            UserPrincipalLookupService lookup = file.getFileSystem().getUserPrincipalLookupService();
            view.setOwner(lookup.lookupPrincipalByName("nobody"));
            GroupPrincipal group = lookup.lookupPrincipalByGroupName("nogroup");
            view.setGroup(group);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
