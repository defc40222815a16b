package gov.workplan.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy the tests put between one service and a server it needs, so that a network
 * partition — not a kill — can be made and healed on this machine: while {@link #partition()}ed, no byte
 * crosses in either direction and new connections wait, as when a link drops packets; the peers' sockets
 * stay open and their writes back up. {@link #heal()} lets the held bytes through, in order, as TCP
 * would once the link is back within its retransmission time.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** Sees what each connection's client sends (a new tap per connection), or null. */
    private final java.util.function.Supplier<Tap> taps;
    private final Object gate = new Object();
    private volatile boolean partitioned;
    private volatile boolean closed;

    /** What a proxy's connection hands over from its client, before sending it on. */
    public interface Tap {
        void sent(byte[] buffer, int offset, int length);
    }

    private TcpProxy(String targetHost, int targetPort, java.util.function.Supplier<Tap> taps) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.taps = taps;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::accept, "tcp-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on a free loopback port and forwards every connection to {@code host:port}. */
    public static TcpProxy to(String host, int port) {
        return to(host, port, null);
    }

    /** The same, each connection's client bytes also shown to a tap of its own. */
    public static TcpProxy to(String host, int port, java.util.function.Supplier<Tap> taps) {
        try {
            return new TcpProxy(host, port, taps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public void partition() {
        partitioned = true;
    }

    public void heal() {
        synchronized (gate) {
            partitioned = false;
            gate.notifyAll();
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                awaitHealed();
                Socket upstream = new Socket(targetHost, targetPort);
                // As the peers' own sockets: no Nagle delay on the small messages of a database protocol.
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                pipe(client, upstream, taps == null ? null : taps.get());
                pipe(upstream, client, null);
            } catch (IOException e) {
                if (!closed) {
                    ServiceProcess.sleep(50); // the target refused (e.g. restarting): the client sees a closed socket
                }
            }
        }
    }

    private void pipe(Socket from, Socket to, Tap tap) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    if (tap != null) {
                        tap.sent(buffer, 0, n);
                    }
                    awaitHealed();
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: close the other, as the real connection would end
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    private void awaitHealed() {
        synchronized (gate) {
            while (partitioned && !closed) {
                try {
                    gate.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        heal();
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        sockets.forEach(TcpProxy::closeQuietly);
    }
}
