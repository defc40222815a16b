package gov.workplan.assessment.domain.annual;

import java.math.BigDecimal;
import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The office's entry for an item of a unit's year: judged points (评议), a bonus (加分), a penalty (扣分) or a
 * veto (一票否决), with the reason and the evidence. The latest entry of an item counts; a change or a
 * withdrawal is a new row, so the history stays.
 */
@Entity
@Table(name = "annual_item_entry")
public class AnnualItemEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String planCode;

    public int year;

    public String unitCode;

    public String itemCode;

    @Enumerated(EnumType.STRING)
    public AnnualRules.ItemKind kind;

    public BigDecimal points;

    public String reason;

    public String evidence;

    public boolean withdrawn;

    public String enteredBy;

    public Instant enteredAt;
}
