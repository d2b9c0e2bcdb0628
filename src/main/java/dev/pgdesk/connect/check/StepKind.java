package dev.pgdesk.connect.check;

/** The steps of a connection test, in the order they happen. */
public enum StepKind {
    RESOLVE_HOST("Resolve host"),
    TCP_CONNECT("TCP connect"),
    TLS("TLS"),
    AUTHENTICATE("Authenticate"),
    SERVER_INFO("Server");

    private final String title;

    StepKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
