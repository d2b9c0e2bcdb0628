package dev.pgdesk.connect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed libpq connection string: its keywords (libpq names such as {@code host}, {@code dbname},
 * {@code sslmode}) with decoded values, in the order given.
 */
public record ConnInfo(Map<String, String> parameters) {

    public ConnInfo {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public Optional<String> get(String keyword) {
        return Optional.ofNullable(parameters.get(keyword));
    }
}
