package com.mcpregistry.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Proof that this process is the one {@code start-dev} of a folder: an operating-system lock on
 * {@code ./.registry-dev/start-dev.lock}, which holds the owner's pid. The system releases the lock when its owner
 * ends, however it ends ({@code kill -9} included), so a live owner is detected reliably and a dead one never
 * blocks the next start.
 */
final class StartDevLock {
    static final String FILE = "start-dev.lock";

    private final Path directory;
    // Held, not read: the lock lasts as long as this process.
    @SuppressWarnings("unused")
    private final FileLock lock;

    private StartDevLock(Path directory, FileLock lock) {
        this.directory = directory;
        this.lock = lock;
    }

    /** Takes the lock of {@code directory}, or refuses naming the {@code start-dev} that holds it. */
    static StartDevLock claim(Path directory) {
        Path file = directory.resolve(FILE);
        try {
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new IllegalStateException(heldBy(file));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            return new StartDevLock(directory.toAbsolutePath(), lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    /** The folder this lock guards. */
    Path directory() {
        return directory;
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very process
        }
    }

    private static String heldBy(Path file) {
        String owner;
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            owner = pid.isEmpty() ? "another start-dev" : "another start-dev (pid " + pid + ")";
        } catch (IOException e) {
            owner = "another start-dev";
        }
        return owner + " is using ./" + DevelopmentDirectory.ROOT
                + "; stop it (Ctrl-C in its terminal) or run start-dev in another folder";
    }
}
