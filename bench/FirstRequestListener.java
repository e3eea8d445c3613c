import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;

/**
 * A stand-in AWS endpoint for start-up measurements and for the image's AppCDS training run.
 * It listens on 127.0.0.1, appends "<epoch nanoseconds> <x-amz-target or path>" to a log file
 * when a request has arrived, and answers every request with HTTP 400 AccessDeniedException,
 * which the AWS SDK does not retry, so the client fails fast right after its first request.
 *
 * Usage: java FirstRequestListener.java PORT_FILE LOG_FILE [SECONDS_TO_LIVE]
 */
public final class FirstRequestListener {
    public static void main(String[] args) throws IOException {
        Path portFile = Path.of(args[0]);
        Path log = Path.of(args[1]);
        long deadline = System.currentTimeMillis() + 1000L * (args.length > 2 ? Long.parseLong(args[2]) : 3600);
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(1000);
            Files.writeString(portFile, Integer.toString(server.getLocalPort()));
            while (System.currentTimeMillis() < deadline) {
                try (Socket socket = server.accept()) {
                    serve(socket, log);
                } catch (java.net.SocketTimeoutException e) {
                    // check the deadline
                } catch (IOException e) {
                    // a client that went away; keep listening
                }
            }
        }
    }

    private static void serve(Socket socket, Path log) throws IOException {
        socket.setSoTimeout(5000);
        InputStream in = socket.getInputStream();
        String head = readHead(in);
        Instant arrived = Instant.now();
        String target = "";
        long length = 0;
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) length = Long.parseLong(line.substring(15).strip());
            if (lower.startsWith("x-amz-target:")) target = line.substring(13).strip();
        }
        if (target.isEmpty()) target = head.split("\r\n", 2)[0];
        in.readNBytes((int) Math.min(length, 1 << 20));
        long nanos = arrived.getEpochSecond() * 1_000_000_000L + arrived.getNano();
        Files.writeString(log, nanos + " " + target + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        byte[] body = "{\"__type\":\"AccessDeniedException\",\"message\":\"stand-in endpoint\"}".getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.1\r\nx-amzn-ErrorType: AccessDeniedException\r\n"
                + "x-amzn-RequestId: 00000000-0000-0000-0000-000000000000\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lastFour = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            lastFour = (lastFour << 8) | b;
            if (lastFour == 0x0D0A0D0A) break; // \r\n\r\n ends the head
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
