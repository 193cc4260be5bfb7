package io.ringwatch.engine.eventlog;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of a log file and its rotated siblings: {@code events.jsonl} is the file being
 * written, {@code events.1.jsonl} the newest rotated one, {@code events.2.jsonl} the one before.
 * A name without an extension gets the number at its end ({@code events.1}). Not thread-safe.
 */
final class LogFiles {
    private final Path file;
    private final String stem;
    private final String extension;
    private final Pattern rotatedName;

    LogFiles(Path file) {
        this.file = Objects.requireNonNull(file, "file");
        Path fileName = file.getFileName();
        if (fileName == null) {
            throw new IllegalArgumentException("not a file name: " + file);
        }
        String name = fileName.toString();
        int dot = name.lastIndexOf('.');
        stem = dot > 0 ? name.substring(0, dot) : name;
        extension = dot > 0 ? name.substring(dot) : "";
        rotatedName = Pattern.compile(Pattern.quote(stem) + "\\.([1-9][0-9]{0,8})" + Pattern.quote(extension));
    }

    /** The file being written. */
    Path file() {
        return file;
    }

    /** The rotated sibling with this number, 1 being the newest. */
    Path rotated(int index) {
        return file.resolveSibling(stem + "." + index + extension);
    }

    /** The numbers of the rotated siblings that exist, newest (lowest) first. */
    List<Integer> rotatedIndexes() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        List<Integer> indexes = new ArrayList<>();
        if (parent == null || !Files.isDirectory(parent)) {
            return indexes;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            for (Path entry : entries) {
                Matcher matcher = rotatedName.matcher(entry.getFileName().toString());
                if (matcher.matches()) {
                    indexes.add(Integer.valueOf(matcher.group(1)));
                }
            }
        }
        indexes.sort(Comparator.naturalOrder());
        return indexes;
    }

    /** The rotated siblings that exist, oldest first. */
    List<Path> rotatedOldestFirst() throws IOException {
        List<Path> paths = new ArrayList<>();
        for (int index : rotatedIndexes()) {
            paths.add(0, rotated(index));
        }
        return paths;
    }

    /**
     * Every file of the log, oldest first: the rotated siblings, then the file itself if it
     * exists or if no rotated sibling does.
     */
    List<Path> allOldestFirst() throws IOException {
        List<Path> paths = rotatedOldestFirst();
        if (Files.exists(file) || paths.isEmpty()) {
            paths.add(file);
        }
        return paths;
    }

    /**
     * Renames the file to {@code .1}, each rotated sibling {@code .n} to {@code .n+1}, and
     * deletes those that would be numbered {@code maxFiles} or more, so that at most
     * {@code maxFiles} files remain with the new, still missing, file. Renames go oldest first,
     * so a crash part way loses nothing but what retention would have deleted.
     */
    void rotate(int maxFiles) throws IOException {
        List<Integer> indexes = rotatedIndexes();
        for (int i = indexes.size() - 1; i >= 0; i--) {
            int index = indexes.get(i);
            if (index + 1 >= maxFiles) {
                Files.deleteIfExists(rotated(index));
            } else {
                Files.move(rotated(index), rotated(index + 1));
            }
        }
        if (maxFiles > 1) {
            Files.move(file, rotated(1));
        } else {
            Files.deleteIfExists(file);
        }
    }
}
