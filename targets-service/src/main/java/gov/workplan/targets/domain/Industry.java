package gov.workplan.targets.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An industry a plan promotes, e.g. {@code bio} (生物). */
@Entity
@Table(name = "industry")
public class Industry extends PanacheEntityBase {

    @Id
    public String code;

    public String nameZh;

    public String nameEn;
}
