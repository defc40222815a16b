package gov.workplan.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The front door stays true: README's two commands are the scripts that exist and CI runs the second one exactly;
 * README stays short; every link of the READMEs and docs resolves; the local run hands each service its
 * environment.
 */
class FrontDoorTest {

    private static final Path ROOT = ServiceConfig.ROOT;
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    private static String read(String path) throws IOException {
        return Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8);
    }

    /** The first fenced command after a heading line of README. */
    private static String commandAfter(String readme, String heading) {
        int at = readme.indexOf(heading);
        assertTrue(at >= 0, "README has '" + heading + "'");
        int fence = readme.indexOf("```bash\n", at);
        return readme.substring(fence + 8, readme.indexOf("\n```", fence)).trim();
    }

    @Test
    void givenReadme_thenItsTwoCommandsAreTheScripts_andCiRunsTheSecondExactly() throws IOException {
        String readme = read("README.md");
        assertEquals("platform/bin/run-suite", commandAfter(readme, "**1. Start the whole suite**"));
        assertEquals("platform/bin/verify", commandAfter(readme, "**2. Run every test**"));
        assertTrue(Files.isExecutable(ROOT.resolve("platform/bin/run-suite")));
        assertTrue(Files.isExecutable(ROOT.resolve("platform/bin/verify")));
        List<String> ci = read(".ci/run").lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertEquals("exec platform/bin/verify", ci.get(ci.size() - 1), ".ci/run ends by running command 2");
    }

    @Test
    void givenReadme_thenItIsAFrontDoor_atMostAbout12Kilobytes() throws IOException {
        long bytes = Files.size(ROOT.resolve("README.md"));
        assertTrue(bytes <= 12_800, "README.md is " + bytes + " bytes: move detail to docs/ or a module README");
    }

    @Test
    void givenEveryReadmeAndDoc_thenEveryRelativeLinkResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> documents;
        try (Stream<Path> files = Files.walk(ROOT, 3)) {
            documents = files.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !p.toString().contains("node_modules") && !p.toString().contains("/target/")
                            && !p.toString().contains("/.run/"))
                    .toList();
        }
        for (Path document : documents) {
            Matcher m = LINK.matcher(Files.readString(document, StandardCharsets.UTF_8));
            while (m.find()) {
                String target = m.group(1);
                if (target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                if (!Files.exists(document.getParent().resolve(target).normalize())) {
                    broken.add(ROOT.relativize(document) + " → " + target);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void givenTheLocalRun_thenEachServiceIsStartedWithItsEnvironment() throws IOException {
        String runSuite = read("platform/bin/run-suite");
        // the variables are the java command's own environment only when they prefix it on continued lines
        assertTrue(Pattern.compile("JWT_ISSUER=\"\\$issuer\" \\\\\\n\\s*exec java ").matcher(runSuite).find(),
                "run-suite's environment lines lead straight into the java command");
    }
}
