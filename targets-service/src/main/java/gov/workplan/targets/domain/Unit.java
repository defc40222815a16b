package gov.workplan.targets.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A responsible unit (责任单位): the city, a district, a department. Shared by every plan. */
@Entity
@Table(name = "unit")
public class Unit extends PanacheEntityBase {

    @Id
    public String code;

    /** Registration order, which is the order the plan document lists units in. */
    public long ordinal;

    public String nameZh;

    public String nameEn;

    @Enumerated(EnumType.STRING)
    public UnitCategory category;

    /** The unit whose targets this one's add up to (a district's is the city); null for departments. */
    public String parentCode;
}
