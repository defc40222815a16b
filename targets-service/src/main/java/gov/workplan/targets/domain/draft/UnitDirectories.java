package gov.workplan.targets.domain.draft;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import gov.workplan.common.time.StoredTime;
import gov.workplan.common.json.JsonText;
import gov.workplan.common.problem.ApiProblem;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The cities' unit directories, each a list of versions: the latest is the one the plan reader uses. The
 * directories shipped with the suite (Shenzhen's) are saved at start-up when the city has none yet; from then on
 * the office keeps its own.
 */
@ApplicationScoped
public class UnitDirectories {

    private static final Logger LOG = Logger.getLogger(UnitDirectories.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @ConfigProperty(name = "targets.seed.enabled", defaultValue = "true")
    boolean seedEnabled;

    @ConfigProperty(name = "targets.seed.directories", defaultValue = "seed/shenzhen.units.json")
    List<String> seedDirectories;

    public record Saved(UnitDirectory directory, int version, java.time.Instant savedAt, String savedBy) {
    }

    public Optional<Saved> latest(String code) {
        return UnitDirectoryVersion.<UnitDirectoryVersion> find("code = ?1 order by version desc", code).firstResultOptional()
                .map(this::saved);
    }

    public List<String> codes() {
        return UnitDirectoryVersion.getEntityManager()
                .createQuery("select distinct v.code from UnitDirectoryVersion v order by v.code", String.class).getResultList();
    }

    /** Saves a new version after checking it whole; 400 naming every invalid field. */
    @Transactional
    public Saved save(String code, UnitDirectory directory, String actor) {
        return save(code, directory, actor, false).orElseThrow();
    }

    /** The first version only: what a start-up seeds, once, however many replicas start together. */
    @Transactional
    public Optional<Saved> saveIfNone(String code, UnitDirectory directory, String actor) {
        return save(code, directory, actor, true);
    }

    private Optional<Saved> save(String code, UnitDirectory directory, String actor, boolean onlyIfNone) {
        UnitDirectoryRules.check(code, directory).throwIfAny();
        UnitDirectoryVersion.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "unit-directory:" + code).getSingleResult();
        Optional<Saved> latest = latest(code);
        if (onlyIfNone && latest.isPresent()) {
            return Optional.empty();
        }
        int version = latest.map(Saved::version).orElse(0) + 1;
        UnitDirectoryVersion row = new UnitDirectoryVersion();
        row.code = code;
        row.version = version;
        row.document = JsonText.write(mapper, withCode(code, directory));
        row.savedAt = StoredTime.now(clock);
        row.savedBy = actor;
        row.persist();
        return Optional.of(saved(row));
    }

    void seed(@Observes StartupEvent event) {
        if (!seedEnabled) {
            return;
        }
        for (String file : seedDirectories) {
            UnitDirectory directory = read(file);
            try {
                if (saveIfNone(directory.code(), directory, "seed:" + file).isPresent()) {
                    LOG.infof("unit directory %s saved from %s", directory.code(), file);
                }
            } catch (ApiProblem invalid) {
                LOG.errorf("unit directory %s not saved: %s %s", file, invalid.getMessage(), invalid.errors());
                throw invalid;
            }
        }
    }

    private UnitDirectory read(String file) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("unit directory not found: " + file));
            }
            return mapper.readValue(in, UnitDirectory.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Saved saved(UnitDirectoryVersion row) {
        return new Saved(JsonText.read(mapper, row.document, UnitDirectory.class, "unit directory " + row.code
                + " version " + row.version), row.version, row.savedAt, row.savedBy);
    }

    private static UnitDirectory withCode(String code, UnitDirectory d) {
        return new UnitDirectory(code, d.topUnit(), d.zone(), d.documentPrefixes(), d.industries(), d.units(), d.groups());
    }
}
