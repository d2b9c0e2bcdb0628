package dev.pgdesk.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;
import dev.pgdesk.connect.ConnectionProfile;
import dev.pgdesk.connect.Credentials;
import dev.pgdesk.connect.DriverProperties;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HikariCP pool per open profile, shared by every editor, grid and monitor of that profile, plus a
 * tiny separate pool per profile for the monitor so that it always gets a connection, however many
 * editor queries run.
 */
public final class PoolManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PoolManager.class);

    /** A desktop client needs few connections; more would only take slots from the server. */
    static final int MAXIMUM_POOL_SIZE = 8;

    static final int MONITOR_POOL_SIZE = 2;

    private final Map<String, OpenProfile> open = new ConcurrentHashMap<>();
    /** One lock per profile: opening a slow server must not hold up opening another profile. */
    private final Map<String, Object> openLocks = new ConcurrentHashMap<>();

    /** An empty manager; pools are created as profiles are opened. */
    public PoolManager() {}

    /**
     * The session for {@code profile}, creating its pool on first use. Creating the pool makes one
     * connection at once, so a wrong password or an unreachable server fails here, not later.
     *
     * @throws SQLException the first connection failed (its cause is the driver's exception)
     */
    public PooledSession open(ConnectionProfile profile, String password) throws SQLException {
        return open(profile, Credentials.password(password));
    }

    /** As {@link #open(ConnectionProfile, String)}, with a client key's password too. */
    public PooledSession open(ConnectionProfile profile, Credentials credentials) throws SQLException {
        synchronized (openLocks.computeIfAbsent(profile.id(), id -> new Object())) {
            OpenProfile existing = open.get(profile.id());
            return existing != null ? existing.session() : createPools(profile, credentials);
        }
    }

    private PooledSession createPools(ConnectionProfile profile, Credentials credentials) throws SQLException {
        HikariDataSource main = createPool(profile, credentials, "", MAXIMUM_POOL_SIZE);
        HikariDataSource monitor;
        try {
            monitor = createPool(profile, credentials, " monitor", MONITOR_POOL_SIZE);
        } catch (SQLException e) {
            main.close();
            throw e;
        }
        OpenProfile opened =
                new OpenProfile(profile, main, monitor, new PooledSession(main), new PooledSession(monitor));
        open.put(profile.id(), opened);
        LOG.info("Opened pools for {}", profile.displayTarget());
        return opened.session();
    }

    /** The monitor's own session for an open profile. */
    public PooledSession monitor(String profileId) {
        OpenProfile profile = open.get(profileId);
        if (profile == null) {
            throw new IllegalStateException("Profile " + profileId + " is not connected");
        }
        return profile.monitorSession();
    }

    public boolean isOpen(String profileId) {
        return open.containsKey(profileId);
    }

    /** The profiles with an open pool. */
    public List<ConnectionProfile> openProfiles() {
        return open.values().stream().map(OpenProfile::profile).toList();
    }

    public Optional<PoolStats> stats(String profileId) {
        OpenProfile profile = open.get(profileId);
        if (profile == null) {
            return Optional.empty();
        }
        HikariPoolMXBean bean = profile.main().getHikariPoolMXBean();
        if (bean == null) {
            return Optional.empty();
        }
        return Optional.of(new PoolStats(
                bean.getActiveConnections(),
                bean.getIdleConnections(),
                bean.getThreadsAwaitingConnection(),
                profile.main().getMaximumPoolSize()));
    }

    /** Closes the pools of one profile (disconnect); connections in use are closed as they return. */
    public void close(String profileId) {
        OpenProfile profile = open.remove(profileId);
        if (profile != null) {
            profile.main().close();
            profile.monitor().close();
            LOG.info("Closed pools for {}", profile.profile().displayTarget());
        }
    }

    /** Closes every pool (on exit). */
    @Override
    public void close() {
        List.copyOf(open.keySet()).forEach(this::close);
    }

    private static HikariDataSource createPool(
            ConnectionProfile profile, Credentials credentials, String purpose, int maximumSize) throws SQLException {
        Properties driverProperties = DriverProperties.of(profile, credentials);
        driverProperties.setProperty("ApplicationName", profile.applicationName() + purpose);
        HikariConfig config = new HikariConfig();
        config.setPoolName("pgdesk " + profile.name() + purpose);
        config.setDriverClassName("org.postgresql.Driver");
        config.setJdbcUrl(DriverProperties.jdbcUrl(profile));
        config.setDataSourceProperties(driverProperties);
        config.setMaximumPoolSize(maximumSize);
        // Hold no idle connections longer than needed: the server's slots are shared with others.
        config.setMinimumIdle(0);
        config.setIdleTimeout(300_000);
        config.setKeepaliveTime(120_000);
        config.setMaxLifetime(1_800_000);
        config.setConnectionTimeout(Math.max(1_000, profile.connectTimeoutSeconds() * 1_000L + 2_000));
        config.setValidationTimeout(3_000);
        config.setReadOnly(profile.readOnly());
        // Make the first connection now, so a failure surfaces when the user connects.
        config.setInitializationFailTimeout(1);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException(e.getMessage(), "08001", e.getCause());
        }
    }

    private record OpenProfile(
            ConnectionProfile profile,
            HikariDataSource main,
            HikariDataSource monitor,
            PooledSession session,
            PooledSession monitorSession) {}
}
