package gov.workplan.targets.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A numbered task (任务) of a plan, e.g. 3.1.1, with its lead and co-responsible units and the
 * deadline the text gives, if any. A task with sub-tasks may have no units of its own.
 */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "task_seq")
    @SequenceGenerator(name = "task_seq", sequenceName = "task_seq", allocationSize = 50)
    public Long id;

    public String planCode;
    public String code;
    public int position;
    public String parentCode;
    public int section;
    public String title;
    public String titleEn;
    public String description;
    /** The responsibility clause as written (（责任单位：…）), before normalisation. */
    public String responsibleText;
    public LocalDate deadline;
    public String deadlineText;
    public String note;

    @ElementCollection
    @CollectionTable(name = "task_responsibility", joinColumns = @JoinColumn(name = "task_id"))
    @OrderColumn(name = "position")
    public List<Responsibility> responsibilities = new ArrayList<>();

    public List<String> unitsIn(ResponsibilityRole role) {
        return responsibilities.stream().filter(r -> r.role == role).map(r -> r.unitCode).toList();
    }

    /** A unit's part in this task. */
    @Embeddable
    public static class Responsibility {
        public String unitCode;
        @Enumerated(EnumType.STRING)
        public ResponsibilityRole role;

        public static Responsibility of(String unitCode, ResponsibilityRole role) {
            Responsibility r = new Responsibility();
            r.unitCode = unitCode;
            r.role = role;
            return r;
        }
    }
}
