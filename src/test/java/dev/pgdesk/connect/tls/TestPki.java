package dev.pgdesk.connect.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/** Generates small certificate hierarchies and writes keys in the formats users have, for unit tests. */
final class TestPki {
    private static final BouncyCastleProvider BOUNCY_CASTLE = new BouncyCastleProvider();
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A certificate with its key pair. */
    record Issued(X509Certificate certificate, KeyPair keys) {}

    private TestPki() {}

    static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static KeyPair ec() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static Issued ca(String commonName) throws Exception {
        KeyPair keys = ec();
        return new Issued(sign("CN=" + commonName, keys, "CN=" + commonName, keys, true, List.of(), List.of()), keys);
    }

    /** A leaf certificate signed by {@code issuer}, with the given DNS and IP alternative names. */
    static Issued leaf(Issued issuer, String subject, KeyPair keys, List<String> dnsNames, List<String> ips)
            throws Exception {
        return new Issued(
                sign(
                        subject,
                        keys,
                        issuer.certificate().getSubjectX500Principal().getName(),
                        issuer.keys(),
                        false,
                        dnsNames,
                        ips),
                keys);
    }

    private static X509Certificate sign(
            String subject,
            KeyPair subjectKeys,
            String issuer,
            KeyPair issuerKeys,
            boolean ca,
            List<String> dnsNames,
            List<String> ips)
            throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                new X500Name(issuer),
                BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(30))),
                new X500Name(subject),
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
        ips.forEach(n -> names.add(new GeneralName(GeneralName.iPAddress, n)));
        if (!names.isEmpty()) {
            builder.addExtension(
                    Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(new GeneralName[0])));
        }
        String algorithm = issuerKeys.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKeys.getPrivate())));
    }

    static Path writePem(Path file, Object... objects) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        }
        Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
        return file;
    }

    /** PKCS#8 ({@code BEGIN PRIVATE KEY}). */
    static Path writePkcs8(Path file, KeyPair keys) throws Exception {
        return writePem(file, new JcaPKCS8Generator(keys.getPrivate(), null).generate());
    }

    /** PKCS#1 for RSA, SEC1 for EC (with the curve named, as OpenSSL writes it): the traditional format. */
    static Path writeTraditional(Path file, KeyPair keys) throws Exception {
        if (!keys.getPrivate().getAlgorithm().equals("EC")) {
            return writePem(file, keys);
        }
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
        org.bouncycastle.asn1.sec.ECPrivateKey inner =
                org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
        ECPrivateKey key = (ECPrivateKey) keys.getPrivate();
        org.bouncycastle.asn1.sec.ECPrivateKey withCurve = new org.bouncycastle.asn1.sec.ECPrivateKey(
                key.getParams().getOrder().bitLength(),
                inner.getKey(),
                info.getPrivateKeyAlgorithm().getParameters());
        return writePem(file, new PemObject("EC PRIVATE KEY", withCurve.getEncoded()));
    }

    static Path writeEncryptedPkcs8(Path file, KeyPair keys, String password) throws Exception {
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                .setProvider(BOUNCY_CASTLE)
                .setPassword(password.toCharArray())
                .build();
        return writePem(file, new JcaPKCS8Generator(keys.getPrivate(), encryptor).generate());
    }

    static Path writeLegacyEncrypted(Path file, KeyPair keys, String password) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(
                    keys,
                    new JcePEMEncryptorBuilder("AES-128-CBC")
                            .setProvider(BOUNCY_CASTLE)
                            .setSecureRandom(new SecureRandom())
                            .build(password.toCharArray()));
        }
        Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
        return file;
    }

    static Path writePkcs12(Path file, Issued client, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(
                "client", client.keys().getPrivate(), password.toCharArray(), new Certificate[] {client.certificate()});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
