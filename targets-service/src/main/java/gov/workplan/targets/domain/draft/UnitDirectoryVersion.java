package gov.workplan.targets.domain.draft;

import java.io.Serializable;
import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One saved version of a city's unit directory, as JSON; versions are added, never changed. */
@Entity
@Table(name = "unit_directory_version")
@IdClass(UnitDirectoryVersion.Key.class)
public class UnitDirectoryVersion extends PanacheEntityBase {

    public record Key(String code, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    public String code;
    @Id
    public int version;
    public String document;
    public Instant savedAt;
    public String savedBy;
}
