package dev.pgdesk.connect.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Offers the one client certificate of the profile whenever the server asks, as libpq does, regardless
 * of the issuers the server lists (the JDK's own key manager would silently send nothing then).
 */
final class ClientCertificateKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "pgdesk-client";

    private final ClientKeyMaterial material;
    private final Optional<HandshakeRecorder.Recording> recording;

    ClientCertificateKeyManager(ClientKeyMaterial material, Optional<HandshakeRecorder.Recording> recording) {
        this.material = material;
        this.recording = recording;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return chosen();
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return chosen();
    }

    private String chosen() {
        recording.ifPresent(r -> r.clientCertificateSent(
                ServerCertificateCheck.subject(material.chain().get(0))));
        return ALIAS;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return new String[] {ALIAS};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return new String[0];
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? material.chain().toArray(new X509Certificate[0]) : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? material.key() : null;
    }
}
