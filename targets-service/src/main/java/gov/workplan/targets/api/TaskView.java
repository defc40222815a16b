package gov.workplan.targets.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.workplan.targets.domain.ResponsibilityRole;
import gov.workplan.targets.domain.Task;

@Schema(name = "Task", description = "A numbered task (任务) with its responsible units, lead first.")
public record TaskView(
        @Schema(example = "3.1.1") String code,
        @Schema(example = "3.1") String parent,
        @Schema(example = "3") int section,
        String title,
        String titleEn,
        String description,
        @Schema(description = "The responsibility clause as written.") String responsibleText,
        @Schema(description = "Lead units (牵头).") List<String> lead,
        @Schema(description = "Co-responsible units (配合).") List<String> coResponsible,
        @Schema(example = "2011-03-31") LocalDate deadline,
        String deadlineText,
        String note,
        @Schema(description = "When listed for a unit: that unit's part in the task.") ResponsibilityRole role) {

    static TaskView of(Task t, String forUnit) {
        ResponsibilityRole role = forUnit == null ? null
                : t.responsibilities.stream().filter(r -> r.unitCode.equals(forUnit)).map(r -> r.role).findFirst()
                        .orElse(null);
        return new TaskView(t.code, t.parentCode, t.section, t.title, t.titleEn, t.description, t.responsibleText,
                t.unitsIn(ResponsibilityRole.LEAD), t.unitsIn(ResponsibilityRole.CO), t.deadline, t.deadlineText,
                t.note, role);
    }
}
