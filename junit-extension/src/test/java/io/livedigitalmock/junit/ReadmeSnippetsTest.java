package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's code is code that compiles and runs: every Java block (and every block marked so) is
 * preceded by {@code <!-- snippet: path[#region] -->} and is that file, or the part of it between
 * {@code //region name} and {@code //endregion} ({@code <!--region name-->} in XML), word for word.
 * The files live in {@code examples/} (built by {@code .ci/run} against the installed artifacts); the
 * JUnit examples also run in this build, compiled from {@code examples/junit-consumer} itself.
 */
class ReadmeSnippetsTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern BLOCK = Pattern.compile("(?m)^(?:<!-- snippet: (\\S+) -->\\n)?```(\\w+)\\n(.*?)^```$",
      Pattern.DOTALL);
  private static final String CONSUMER = "examples/junit-consumer/src/";

  @Test
  void everyJavaBlockIsAFileOfTheExamplesWordForWord() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Matcher block = BLOCK.matcher(readme);
    List<String> problems = new ArrayList<>();
    int checked = 0;
    while (block.find()) {
      String source = block.group(1);
      String language = block.group(2);
      String code = block.group(3);
      int line = readme.substring(0, block.start()).split("\n", -1).length;
      if (source == null) {
        if (language.equals("java")) {
          problems.add("README line " + line + ": a Java block without <!-- snippet: path --> before it");
        }
        continue;
      }
      checked++;
      String expected = snippet(source);
      if (!expected.strip().equals(code.strip())) {
        problems.add("README line " + line + " is not " + source + " (copy it over):\n" + diff(expected, code));
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n\n", problems));
    assertTrue(checked >= 6, "only " + checked + " snippets checked");
  }


  /** A file, or its region {@code #name}, without the indentation the region has in the file. */
  static String snippet(String source) throws IOException {
    int hash = source.indexOf('#');
    Path file = ROOT.resolve(hash < 0 ? source : source.substring(0, hash));
    assertTrue(Files.isRegularFile(file), "the README names " + source + ", which does not exist");
    List<String> lines = Files.readAllLines(file);
    if (hash < 0) {
      return String.join("\n", lines);
    }
    String region = source.substring(hash + 1);
    Pattern start = Pattern.compile("^\\s*(//|<!--)\\s*region\\s+" + Pattern.quote(region) + "\\b.*");
    Pattern end = Pattern.compile("^\\s*(//|<!--)\\s*endregion\\b.*");
    List<String> part = null;
    for (String line : lines) {
      if (part == null) {
        if (start.matcher(line).matches()) {
          part = new ArrayList<>();
        }
      } else if (end.matcher(line).matches()) {
        int indent = part.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
            .min().orElse(0);
        return String.join("\n", part.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
      } else {
        part.add(line);
      }
    }
    throw new AssertionError(file + " has no region " + region + " (//region " + region + " ... //endregion)");
  }

  private static String diff(String expected, String actual) {
    String[] want = expected.strip().split("\n");
    String[] got = actual.strip().split("\n");
    for (int i = 0; i < Math.max(want.length, got.length); i++) {
      String w = i < want.length ? want[i] : "<nothing>";
      String g = i < got.length ? got[i] : "<nothing>";
      if (!w.equals(g)) {
        return "  first difference, line " + (i + 1) + " of the snippet:\n  file:   " + w + "\n  README: " + g;
      }
    }
    return "";
  }
}
