package gov.workplan.targets.domain;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A quantitative goal of a plan (指标), e.g. {@code scale.bio}: biotech industry scale in 亿元. */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "indicator_seq")
    @SequenceGenerator(name = "indicator_seq", sequenceName = "indicator_seq", allocationSize = 50)
    public Long id;

    public String planCode;
    public String code;
    /** Order in the plan document. */
    public int position;
    public String nameZh;
    public String nameEn;
    public String industryCode;
    public String unitOfMeasure;
    public String unitOfMeasureEn;
    @Enumerated(EnumType.STRING)
    public Caliber caliber;
    public String description;

    /** Indicators this one is the sum of, if any. */
    @ElementCollection
    @CollectionTable(name = "indicator_component", joinColumns = @JoinColumn(name = "indicator_id"))
    @OrderColumn(name = "position")
    @Column(name = "component_code")
    public List<String> sumOf = new ArrayList<>();
}
