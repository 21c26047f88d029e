package io.ticketstream.ops.kafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.utils.Utils;

/**
 * Says in words why Kafka does not answer. The Admin client retries an unreachable broker silently until its API
 * timeout and then reports a {@code TimeoutException} (often with no message at all): on-call needs "connection
 * refused" or "unknown host" at once. A plain TCP connect to each bootstrap address tells that in milliseconds.
 */
public final class BootstrapCheck {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private BootstrapCheck() {
    }

    /**
     * TCP-connects to each bootstrap address; returns one line per address that refused, timed out or did not
     * resolve. An empty list means at least one address accepts connections (Kafka may still refuse to talk).
     */
    public static List<String> unreachableAddresses(String bootstrapServers) {
        List<String> problems = new ArrayList<>();
        List<String> addresses = List.of(bootstrapServers.split(","));
        for (String address : addresses) {
            String hostPort = address.strip();
            String problem = tryConnect(hostPort);
            if (problem == null) {
                return List.of();
            }
            problems.add(hostPort + ": " + problem);
        }
        return problems;
    }

    /** Fails fast, before any Kafka client waits out its timeout, when no bootstrap address accepts a connection. */
    public static void requireReachable(String bootstrapServers) {
        List<String> problems = unreachableAddresses(bootstrapServers);
        if (!problems.isEmpty()) {
            throw new KafkaUnreachableException("cannot reach Kafka at " + bootstrapServers + ": " + String.join("; ", problems)
                    + " (check -b/--bootstrap-server or TICKETSTREAM_BOOTSTRAP_SERVERS)");
        }
    }

    /**
     * The cause of a failed Admin/consumer call, in words. The client's own errors ("Timed out waiting for a node
     * assignment", "Failed to find brokers to send ListGroups", or none at all) do not say why, so when no bootstrap
     * address accepts a TCP connection, that is the answer.
     */
    public static String explain(Throwable failure, String bootstrapServers, Duration timeout) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof java.util.concurrent.CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String clientSays = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        List<String> problems = unreachableAddresses(bootstrapServers);
        if (!problems.isEmpty()) {
            return "cannot reach Kafka at " + bootstrapServers + ": " + String.join("; ", problems) + " (client: " + clientSays + ")";
        }
        boolean timedOut = cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException;
        if (timedOut) {
            return "Kafka at " + bootstrapServers + " did not answer within " + timeout.toSeconds() + "s (" + clientSays
                    + "); TCP connections to it work, so check the listener's security protocol and credentials (--command-config)";
        }
        return cause.getClass().getSimpleName() + ": " + clientSays;
    }

    private static String tryConnect(String hostPort) {
        String host = Utils.getHost(hostPort);
        Integer port = Utils.getPort(hostPort);
        if (host == null || port == null) {
            return "not HOST:PORT";
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            return "unknown host " + address.getHostString();
        }
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) CONNECT_TIMEOUT.toMillis());
            return null;
        } catch (SocketTimeoutException e) {
            return "no answer to a TCP connect within " + CONNECT_TIMEOUT.toSeconds() + "s";
        } catch (UnknownHostException e) {
            return "unknown host " + e.getMessage();
        } catch (IOException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
