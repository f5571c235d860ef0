package org.evalsearch.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A small HTTP/1.1 load generator over plain keep-alive sockets, one thread per connection, so that the number
 * of connections is exact and the client costs little CPU on a machine it shares with the server.
 *
 * <p>Closed loop (rate 0): every connection sends its next request as soon as the previous answer is read — this
 * measures the maximum throughput. Fixed rate: requests are due at regular intervals across all connections and
 * latency counts from when a request was due, so a stalled server is not hidden by the client waiting
 * (no coordinated omission).
 */
final class HttpLoad {

    record Request(String kind, String path) {}

    /** {@code notSent}: at a fixed rate, requests that fell due but could not be sent before the end. */
    record Result(int connections, double rate, double seconds, long requests, long failures, long notSent,
                  Map<String, Long> failureReasons, Latencies all, Map<String, Latencies> byKind, long bytes) {
        double requestsPerSecond() {
            return requests / seconds;
        }
    }

    private final String host;
    private final int port;
    private final List<Request> mix;
    /** The connection of {@link #sendOne}. */
    private Worker single;

    HttpLoad(String host, int port, List<Request> mix) {
        this.host = host;
        this.port = port;
        this.mix = List.copyOf(mix);
    }

    /** Sends one request on a connection kept from call to call; returns the HTTP status. */
    int sendOne(String path) throws IOException {
        if (single == null) {
            single = new Worker(new AtomicLong(), 0, 0, 0);
        }
        try {
            return single.send(path);
        } catch (IOException e) {
            single.close();
            throw e;
        }
    }

    Result run(int connections, double seconds, double rate) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        double interval = rate > 0 ? 1e9 / rate : 0;
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Worker w = new Worker(next, start, end, interval);
            workers.add(w);
            threads.add(Thread.ofPlatform().name("load-" + c).daemon().start(w));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Latencies all = new Latencies();
        Map<String, Latencies> byKind = new LinkedHashMap<>();
        Map<String, Long> reasons = new TreeMap<>();
        long failures = 0, bytes = 0;
        for (Worker w : workers) {
            all.addAll(w.latencies);
            w.byKind.forEach((k, l) -> byKind.computeIfAbsent(k, x -> new Latencies()).addAll(l));
            w.reasons.forEach((k, n) -> reasons.merge(k, n, Long::sum));
            failures += w.failures;
            bytes += w.bytes;
        }
        long sent = all.count() + failures;
        long notSent = rate > 0 ? Math.max(0, (long) (rate * seconds) - sent) : 0;
        return new Result(connections, rate, elapsed, sent, failures, notSent, reasons, all, byKind, bytes);
    }

    /** One connection: sends requests in turn, reconnecting after an error or a server-side close. */
    private final class Worker implements Runnable {
        final Latencies latencies = new Latencies();
        final Map<String, Latencies> byKind = new LinkedHashMap<>();
        final Map<String, Long> reasons = new TreeMap<>();
        long failures, bytes;
        private final AtomicLong next;
        private final long start, end;
        private final double interval;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private final byte[] buf = new byte[64 * 1024];

        Worker(AtomicLong next, long start, long end, double interval) {
            this.next = next;
            this.start = start;
            this.end = end;
            this.interval = interval;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    long i = next.getAndIncrement();
                    long due;
                    if (interval > 0) {
                        due = start + (long) (i * interval);
                        // an overloaded server falls behind: requests still due at the end are not sent
                        if (due >= end || System.nanoTime() >= end) {
                            return;
                        }
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    } else {
                        due = System.nanoTime();
                        if (due >= end) {
                            return;
                        }
                    }
                    Request r = mix.get((int) (i % mix.size()));
                    try {
                        int status = send(r.path());
                        long took = System.nanoTime() - due;
                        if (status == 200) {
                            latencies.add(took);
                            byKind.computeIfAbsent(r.kind(), k -> new Latencies()).add(took);
                        } else {
                            fail("HTTP " + status + " " + r.kind());
                        }
                    } catch (IOException e) {
                        fail(e.getClass().getSimpleName() + " " + r.kind());
                        close();
                    }
                }
            } finally {
                close();
            }
        }

        private void fail(String reason) {
            failures++;
            reasons.merge(reason, 1L, Long::sum);
        }

        private int send(String path) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                socket.connect(new InetSocketAddress(host, port), 5_000);
                in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                out = socket.getOutputStream();
            }
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String statusLine = readLine();
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            long length = -1;
            boolean chunked = false, closeAfter = false;
            for (String h; !(h = readLine()).isEmpty(); ) {
                int colon = h.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim().toLowerCase();
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase().contains("chunked");
                    case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            if (chunked) {
                for (long n; (n = Long.parseLong(readLine().split(";")[0].trim(), 16)) > 0; ) {
                    skip(n);
                    readLine();
                }
                while (!readLine().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                for (int r; (r = in.read(buf)) >= 0; ) {
                    bytes += r;
                }
                closeAfter = true;
            }
            if (closeAfter) {
                close();
            }
            return status;
        }

        private void skip(long n) throws IOException {
            bytes += n;
            while (n > 0) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, n));
                if (r < 0) {
                    throw new EOFException("body ended early");
                }
                n -= r;
            }
        }

        private String readLine() throws IOException {
            StringBuilder sb = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) {
                    throw new EOFException("connection closed");
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }

        private void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing after an error: nothing left to do
                }
                socket = null;
            }
        }
    }
}
