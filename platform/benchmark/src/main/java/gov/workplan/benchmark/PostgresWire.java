package gov.workplan.benchmark;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Counts what services ask PostgreSQL, from the bytes their connections send (a {@link TcpProxy} tap), so the
 * figure does not depend on the build being measured: every statement executed (an Execute of the extended
 * protocol, or a simple Query) and every round trip (a Sync, after which the client waits, or a Query). The
 * connection must not be encrypted ({@code sslmode=disable}): the benchmark's own databases on this machine.
 */
public final class PostgresWire implements Supplier<TcpProxy.Tap> {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSSENC_REQUEST = 80877104;

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong roundTrips = new AtomicLong();

    public long statements() {
        return statements.get();
    }

    public long roundTrips() {
        return roundTrips.get();
    }

    @Override
    public TcpProxy.Tap get() {
        return new Connection();
    }

    /**
     * One connection's messages: untyped ones until the startup message (length, then the protocol code; an SSL or
     * GSS request comes first and is refused), then typed ones (a type byte, the length including itself, the body).
     */
    private final class Connection implements TcpProxy.Tap {

        private boolean started;
        private final byte[] header = new byte[8];
        private int headerFill;
        private long skip;

        @Override
        public void sent(byte[] buffer, int offset, int length) {
            int i = offset;
            int end = offset + length;
            while (i < end) {
                if (skip > 0) {
                    int n = (int) Math.min(skip, end - i);
                    skip -= n;
                    i += n;
                    continue;
                }
                int need = started ? 5 : 8;
                int n = Math.min(need - headerFill, end - i);
                System.arraycopy(buffer, i, header, headerFill, n);
                headerFill += n;
                i += n;
                if (headerFill < need) {
                    return;
                }
                headerFill = 0;
                if (started) {
                    char type = (char) header[0];
                    if (type == 'E' || type == 'Q') {
                        statements.incrementAndGet();
                    }
                    if (type == 'S' || type == 'Q') {
                        roundTrips.incrementAndGet();
                    }
                    skip = (long) readInt(header, 1) - 4;
                } else {
                    int messageLength = readInt(header, 0);
                    int code = readInt(header, 4);
                    started = code != SSL_REQUEST && code != GSSENC_REQUEST;
                    skip = (long) messageLength - 8;
                }
            }
        }
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }
}
