package org.cancelportal.bench.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's CPU went during one load phase: reads a flight recording ({@code jcmd … JFR.start
 * settings=profile}) and counts its {@code jdk.ExecutionSample}s twice, by the frame on top of the stack (self time,
 * whatever code that is) and by the topmost frame of the portal's own code ({@code org.cancelportal}), which says which
 * of our methods led to the work (a filter there means work below it that none of our methods called more closely:
 * Faces, the view state, the session store); and lists our methods by total time as well. Writes the top 20 of each with their share of all samples, and prints the top 5
 * of each on a line of its own (self time first) for the run's table. Arguments: the .jfr file, the text file to write.
 */
public final class ProfileTopFrames {

    private static final String APPLICATION = "org.cancelportal.";
    private static final int LISTED = 20;
    private static final int SUMMARISED = 5;

    private ProfileTopFrames() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> application = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        int withApplication = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            RecordedStackTrace stack = event.getStackTrace();
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || stack == null
                    || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            boolean first = true;
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                if (frame.isJavaFrame() && frame.getMethod().getType().getName().startsWith(APPLICATION)) {
                    if (first) {
                        application.merge(name(frame), 1, Integer::sum);
                        withApplication++;
                        first = false;
                    }
                    if (seen.add(name(frame))) {
                        inclusive.merge(name(frame), 1, Integer::sum);
                    }
                }
            }
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s: %d execution samples, %d of them with a frame of %s*%n%n",
                args[0], samples, withApplication, APPLICATION));
        list(text, "Top " + LISTED + " frames by self time (the frame on top of the stack)", self, samples);
        list(text, "Top " + LISTED + " application frames (the topmost " + APPLICATION + "* frame of each sample)",
                application, samples);
        list(text, "Top " + LISTED + " application methods by total time (on the stack at all, counted once a sample)",
                inclusive, samples);
        Files.writeString(Path.of(args[1]), text);
        System.out.println(top(self, samples, SUMMARISED));
        System.out.println(top(application, samples, SUMMARISED));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void list(StringBuilder text, String heading, Map<String, Integer> counts, int samples) {
        text.append(heading).append(String.format("%n"));
        sorted(counts).stream().limit(LISTED).forEach(entry -> text.append(String.format(Locale.ROOT,
                "  %6.2f %%  %6d  %s%n", percent(entry.getValue(), samples), entry.getValue(), entry.getKey())));
        text.append(String.format("%n"));
    }

    /** The first few, shortened to class and method, each with its share: for one cell of the table. */
    private static String top(Map<String, Integer> counts, int samples, int first) {
        return sorted(counts).stream().limit(first).map(entry -> String.format(Locale.ROOT, "%s %.1f%%",
                shortName(entry.getKey()), percent(entry.getValue(), samples))).collect(Collectors.joining("; "));
    }

    private static List<Map.Entry<String, Integer>> sorted(Map<String, Integer> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).toList();
    }

    private static String shortName(String method) {
        int dot = method.lastIndexOf('.', method.lastIndexOf('.') - 1);
        return method.substring(dot + 1);
    }

    private static double percent(int count, int samples) {
        return samples == 0 ? 0 : 100.0 * count / samples;
    }
}
