package gov.workplan.targets.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import gov.workplan.common.problem.ApiProblem;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the seed plans at start-up through the same import as the API. Idempotent: a plan already
 * loaded from the same document is left as it is, so restarts and extra replicas change nothing.
 */
@ApplicationScoped
public class SeedPlans {

    private static final Logger LOG = Logger.getLogger(SeedPlans.class);

    @ConfigProperty(name = "targets.seed.enabled", defaultValue = "true")
    boolean enabled;

    /** Classpath resources or file paths of plan documents. */
    @ConfigProperty(name = "targets.seed.files", defaultValue = "seed/szfb-2010-98.plan.json")
    List<String> files;

    @Inject
    PlanImporter importer;

    @Inject
    ObjectMapper mapper;

    void load(@Observes StartupEvent event) throws IOException {
        if (!enabled) {
            return;
        }
        for (String file : files) {
            String raw = read(file);
            PlanDocument doc = mapper.readValue(raw, PlanDocument.class);
            try {
                PlanImporter.Result result = importer.importPlan(doc,
                        PlanDocuments.gzip(raw.getBytes(StandardCharsets.UTF_8)), "seed:" + file);
                LOG.infof("seed plan %s %s: %s", result.plan().code, result.created() ? "loaded" : "already loaded",
                        result.counts());
            } catch (ApiProblem conflict) {
                if (conflict.status() != 409) {
                    throw conflict;
                }
                LOG.warnf("seed plan %s not reloaded: %s", file, conflict.getMessage());
            }
        }
    }

    private static String read(String file) throws IOException {
        Path path = Path.of(file);
        if (Files.isRegularFile(path)) {
            return Files.readString(path, StandardCharsets.UTF_8);
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("seed plan not found: " + file));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
