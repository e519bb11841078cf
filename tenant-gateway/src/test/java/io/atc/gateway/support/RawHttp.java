package io.atc.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client library would tidy up before sending
 * (dot segments, encoded slashes, control characters, hop-by-hop headers, a Content-Length with no
 * body). Reads one response: status, headers (in order, repeated ones kept) and body.
 */
public final class RawHttp {

    private RawHttp() {}

    public record Response(int status, List<String[]> headers, String body) {
        public String header(String name) {
            return headers.stream()
                    .filter(h -> h[0].equalsIgnoreCase(name))
                    .map(h -> h[1])
                    .findFirst()
                    .orElse(null);
        }

        public List<String> all(String name) {
            return headers.stream()
                    .filter(h -> h[0].equalsIgnoreCase(name))
                    .map(h -> h[1])
                    .toList();
        }
    }

    /** Sends {@code requestHead} (without the final blank line) and reads the response. */
    public static Response exchange(String requestHead) throws IOException {
        try (Socket socket = open()) {
            send(socket, requestHead, new byte[0]);
            return read(socket.getInputStream());
        }
    }

    public static Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", PublicPortForRestAssured.publicPort());
        socket.setSoTimeout(20_000);
        return socket;
    }

    public static void send(Socket socket, String requestHead, byte[] body) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((requestHead + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** Reads a response's status line and headers only (an answer to HEAD has no body, whatever its Content-Length). */
    public static Response readHead(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        List<String[]> headers = new ArrayList<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.add(new String[] {
                line.substring(0, colon).trim(), line.substring(colon + 1).trim()
            });
        }
        return new Response(status, headers, "");
    }

    public static Response read(InputStream in) throws IOException {
        Response head = readHead(in);
        List<String[]> headers = head.headers();
        int status = head.status();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String length = head.header("Content-Length");
        if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length)));
        } else if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
            for (int size = Integer.parseInt(line(in).trim(), 16);
                    size > 0;
                    size = Integer.parseInt(line(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException(
                        "connection closed mid-line after: " + line.toString(StandardCharsets.ISO_8859_1));
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
