package dev.pgdesk.monitor;

/**
 * A backend about to be signalled, as far as the monitoring role sees it.
 *
 * @param pid its process id
 * @param user the role it runs as; null for server processes without one
 * @param backendType its {@code backend_type}
 * @param state its state; null when hidden from the monitoring role
 * @param inTransaction whether it is in a transaction (false when hidden)
 * @param ownerSuperuser whether {@link #user()} is a superuser
 * @param monitorUser the role that would send the signal
 * @param own whether it is the sender's own backend
 */
record SignalTarget(
        int pid,
        String user,
        String backendType,
        String state,
        boolean inTransaction,
        boolean ownerSuperuser,
        String monitorUser,
        boolean own) {

    /** "pid 4242 (alice)", or the process type for server processes without a role. */
    String described() {
        return "pid " + pid + " (" + (user != null ? user : backendType) + ")";
    }
}
