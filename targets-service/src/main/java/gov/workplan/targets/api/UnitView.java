package gov.workplan.targets.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.workplan.targets.domain.Unit;
import gov.workplan.targets.domain.UnitCategory;

@Schema(name = "Unit", description = "A responsible unit (责任单位).")
public record UnitView(
        @Schema(example = "futian") String code,
        @Schema(example = "福田区") String nameZh,
        @Schema(example = "Futian District") String nameEn,
        UnitCategory category,
        @Schema(description = "The unit whose targets this one's add up to.", example = "shenzhen") String parent) {

    static UnitView of(Unit u) {
        return new UnitView(u.code, u.nameZh, u.nameEn, u.category, u.parentCode);
    }
}
