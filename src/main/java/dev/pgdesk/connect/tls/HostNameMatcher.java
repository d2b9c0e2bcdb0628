package dev.pgdesk.connect.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * libpq's verify-full host name rule: DNS names and IP addresses among the certificate's subject
 * alternative names; the common name only when there are no DNS names; a wildcard only as the whole
 * leftmost label, matching exactly one label.
 */
final class HostNameMatcher {
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private HostNameMatcher() {}

    static boolean matches(String host, X509Certificate certificate) {
        String wanted = normalize(host);
        List<String> dnsNames = alternativeNames(certificate, SAN_DNS);
        List<String> ipAddresses = alternativeNames(certificate, SAN_IP);
        if (isIpLiteral(wanted)) {
            if (ipAddresses.stream().anyMatch(ip -> sameAddress(ip, wanted))) {
                return true;
            }
            return dnsNames.isEmpty()
                    && ipAddresses.isEmpty()
                    && commonNames(certificate).contains(wanted);
        }
        List<String> candidates = dnsNames.isEmpty() ? commonNames(certificate) : dnsNames;
        return candidates.stream().map(HostNameMatcher::normalize).anyMatch(name -> nameMatches(name, wanted));
    }

    /** The names a certificate was issued for, for messages: DNS and IP alternative names, else the CN. */
    static List<String> namesOf(X509Certificate certificate) {
        List<String> names = new ArrayList<>(alternativeNames(certificate, SAN_DNS));
        names.addAll(alternativeNames(certificate, SAN_IP));
        return names.isEmpty() ? commonNames(certificate) : names;
    }

    private static boolean nameMatches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            String suffix = pattern.substring(1);
            int firstDot = host.indexOf('.');
            return firstDot > 0 && host.substring(firstDot).equals(suffix);
        }
        return pattern.equals(host);
    }

    private static String normalize(String name) {
        String value = name.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static boolean sameAddress(String a, String b) {
        try {
            // Literals only: getByName does no lookup for them.
            return isIpLiteral(normalize(a))
                    && InetAddress.getByName(normalize(a)).equals(InetAddress.getByName(b));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static List<String> alternativeNames(X509Certificate certificate, int type) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            if (entries != null) {
                for (List<?> entry : entries) {
                    if (entry.size() >= 2
                            && Integer.valueOf(type).equals(entry.get(0))
                            && entry.get(1) instanceof String) {
                        names.add((String) entry.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // An unparsable extension offers no names; the match then fails, which is the safe outcome.
        }
        return names;
    }

    private static List<String> commonNames(X509Certificate certificate) {
        X500Name subject =
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        List<String> names = new ArrayList<>();
        for (RDN rdn : subject.getRDNs(BCStyle.CN)) {
            names.add(normalize(IETFUtils.valueToString(rdn.getFirst().getValue())));
        }
        return names;
    }
}
