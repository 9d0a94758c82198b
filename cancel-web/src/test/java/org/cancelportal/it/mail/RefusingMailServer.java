package org.cancelportal.it.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An SMTP server on loopback that takes every message to its end and then refuses it for now (451), as a mail server
 * that is full or in trouble does: the sender learns nothing was sent and must try again. It remembers each attempt,
 * with the Message-ID that tells the emails apart.
 */
public final class RefusingMailServer implements AutoCloseable {

    /** One message the portal tried to send: to whom, which one, and when it arrived here. */
    public record Attempt(String recipient, String messageId, Instant arrived) {
    }

    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newCachedThreadPool();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

    public RefusingMailServer(int port) {
        try {
            socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("the mail port " + port + " is taken", e);
        }
        connections.execute(this::acceptAll);
    }

    /** The attempts to send a message whose Message-ID contains this (e.g. the consumer) to this address. */
    public List<Attempt> attempts(String recipient, String messageIdPart) {
        return attempts.stream().filter(attempt -> attempt.recipient().equalsIgnoreCase(recipient)
                && attempt.messageId().contains(messageIdPart)).toList();
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.execute(() -> converse(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket connection) {
        try (connection;
             BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                     StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(connection.getOutputStream(), true, StandardCharsets.UTF_8)) {
            reply(out, "220 localhost refusing ESMTP");
            String recipient = "";
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("RCPT TO:")) {
                    recipient = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                    reply(out, "250 OK");
                } else if (command.equals("DATA")) {
                    reply(out, "354 go ahead");
                    String messageId = readMessageId(in);
                    attempts.add(new Attempt(recipient, messageId, Instant.now()));
                    reply(out, "451 4.3.0 Not now, try again later");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (IOException gone) {
            // the sender hung up; its attempt, if it got that far, is recorded
        }
    }

    private static String readMessageId(BufferedReader in) throws IOException {
        String messageId = "";
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                messageId = line.substring(11).trim();
            }
        }
        return messageId;
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connections.shutdownNow();
    }
}
