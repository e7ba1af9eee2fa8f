package dev.healthrag.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The files of an ingest folder, and the entries in it that are refused with a reason. Only what is
 * inside the folder is read: a symbolic link whose target lies outside it (say {@code x.txt -> /etc/passwd})
 * is refused, as are link loops, dangling links and anything that is not a regular file (a FIFO would block
 * the read forever). A link to a file inside the folder is read once, under the file's own name when that
 * is listed too, so one article never appears under two ids. Names starting with '.' are skipped, as before.
 */
final class SourceFiles {

    /** Links followed before giving up: the kernel's own limit on Linux is 40. */
    private static final int MAX_LINK_HOPS = 40;

    /**
     * @param listed path as found in the folder: its name relative to the folder makes the article's id
     * @param read   where the bytes are: the same file, or the target of a link to one inside the folder
     */
    record Source(Path listed, Path read) {
    }

    /** Files to read in path order, and refused entries by path relative to the folder. */
    record Listing(List<Source> files, List<IngestReport.FailedFile> refused) {
    }

    private SourceFiles() {
    }

    static Listing list(Path root) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + root + ": " + e.getMessage(), e);
        }
        List<Path> regular = new ArrayList<>();
        List<Path> links = new ArrayList<>();
        List<IngestReport.FailedFile> refused = new ArrayList<>();
        try {
            // The real folder is walked (the root itself may be a link, which a walk would not enter), and
            // every path is named under the root as given, which is what ids and stored paths are made from.
            Files.walkFileTree(realRoot, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path real, BasicFileAttributes attrs) {
                    Path file = root.resolve(realRoot.relativize(real).toString());
                    if (file.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        links.add(file);
                    } else if (attrs.isRegularFile()) {
                        regular.add(file);
                    } else if (!attrs.isDirectory()) {
                        refused.add(failed(root, file, "not a regular file (a device, socket or pipe); "
                                + "only article files are read, remove it from the folder"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path real, IOException e) {
                    Path file = root.resolve(realRoot.relativize(real).toString());
                    refused.add(failed(root, file, "cannot be read (" + e.getClass().getSimpleName() + ": "
                            + e.getMessage() + "); check its permissions"));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root + ": " + e.getMessage(), e);
        }

        Set<Path> seen = new HashSet<>();
        List<Source> files = new ArrayList<>();
        for (Path file : regular) {
            files.add(new Source(file, file));
            seen.add(realPathOrSelf(file));
        }
        for (Path link : links.stream().sorted().toList()) {
            String problem = null;
            Path target = null;
            try {
                target = link.toRealPath();
                if (!target.startsWith(realRoot)) {
                    problem = "is a symbolic link to " + target + ", outside the ingested folder; only files inside "
                            + realRoot + " are read: copy the article into the folder instead";
                } else if (!Files.isRegularFile(target)) {
                    target = null; // a folder inside the folder: its files are listed under their own names
                }
            } catch (NoSuchFileException e) {
                problem = "is a symbolic link to " + linkTarget(link) + ", which does not exist; remove the link";
            } catch (FileSystemException e) {
                problem = isLoop(link) ? "is a symbolic link loop (" + linkTarget(link) + " leads back to itself); "
                        + "remove the link or point it at an article file"
                        : "is a symbolic link that cannot be followed (" + e.getMessage() + ")";
            } catch (IOException e) {
                problem = "is a symbolic link that cannot be followed (" + e.getMessage() + ")";
            }
            if (problem != null) {
                refused.add(failed(root, link, problem));
            } else if (target != null && seen.add(target)) {
                files.add(new Source(link, target));
            }
        }
        files.sort(Comparator.comparing(Source::listed));
        refused.sort(Comparator.comparing(IngestReport.FailedFile::path));
        return new Listing(files, refused);
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static IngestReport.FailedFile failed(Path root, Path file, String reason) {
        return new IngestReport.FailedFile(relative(root, file), reason);
    }

    private static Path realPathOrSelf(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    /** Follows the link chain by hand, since the file system only says "too many levels". */
    private static boolean isLoop(Path link) {
        Set<Path> visited = new HashSet<>();
        Path current = link.toAbsolutePath().normalize();
        for (int hop = 0; hop < MAX_LINK_HOPS && Files.isSymbolicLink(current); hop++) {
            if (!visited.add(current)) {
                return true;
            }
            try {
                current = current.resolveSibling(Files.readSymbolicLink(current)).normalize();
            } catch (IOException e) {
                return false;
            }
        }
        return Files.isSymbolicLink(current);
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }
}
