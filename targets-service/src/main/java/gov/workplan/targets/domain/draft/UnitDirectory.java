package gov.workplan.targets.domain.draft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.workplan.targets.domain.PlanDocument.IndustryEntry;
import gov.workplan.targets.domain.PlanDocument.UnitEntry;
import gov.workplan.targets.domain.UnitCategory;

/**
 * A city's directory of responsible units (单位名录) as its office keeps it: every unit with the names a
 * document may call it by, the groups a document names instead of units (各区政府及新区管委会, 市直各部门),
 * the industries its plans speak of, and the abbreviations of its document numbers. Data, not code: a
 * second city brings its own directory through the API. What the plan reader resolves names against.
 */
@Schema(name = "UnitDirectory")
public record UnitDirectory(
        @Schema(example = "shenzhen") String code,
        @Schema(description = "The city the directory is of; its top unit.", example = "shenzhen") String topUnit,
        @Schema(example = "Asia/Shanghai") String zone,
        @Schema(description = "Abbreviation of a document number → the code prefix of plans issued under it.",
                example = "{\"深府办\": \"szfb\"}") Map<String, String> documentPrefixes,
        List<DirectoryIndustry> industries,
        List<DirectoryUnit> units,
        List<UnitGroup> groups) {

    @Schema(name = "DirectoryIndustry")
    public record DirectoryIndustry(@Schema(example = "bio") String code, @Schema(example = "生物") String nameZh,
            @Schema(example = "Biotech") String nameEn) {
    }

    @Schema(name = "DirectoryUnit")
    public record DirectoryUnit(
            @Schema(example = "development-reform") String code,
            @Schema(example = "市发展改革委") String nameZh,
            @Schema(example = "Development and Reform Commission") String nameEn,
            UnitCategory category,
            String parent,
            @Schema(description = "Other names documents use: full names, short names without the 市 prefix.",
                    example = "[\"市发展和改革委员会\"]") List<String> aliases) {
    }

    /**
     * A name that stands for several units: its members by code, or every unit of a category the plan names
     * elsewhere (市直各部门 = every department the plan names).
     */
    @Schema(name = "UnitGroup")
    public record UnitGroup(
            @Schema(example = "各区政府及新区管委会") String name,
            List<String> aliases,
            @Schema(description = "Member units, in the order the directory lists them.") List<String> members,
            @Schema(description = "Instead of members: every unit of this category that the plan names.") UnitCategory categoryNamedInPlan) {
    }

    /** A name as read: a unit, a group, or nothing. */
    public sealed interface Named permits NamedUnit, NamedGroup {
    }

    public record NamedUnit(DirectoryUnit unit) implements Named {
    }

    public record NamedGroup(UnitGroup group) implements Named {
    }

    /** The directory's names, indexed once for a reading. */
    public Names names() {
        return new Names(this);
    }

    /** Every name and alias of the directory's units and groups, for resolving what a document writes. */
    public static final class Names {

        private final Map<String, Named> index = new HashMap<>();
        private final List<Map.Entry<String, DirectoryUnit>> longestFirst = new ArrayList<>();

        private Names(UnitDirectory directory) {
            for (DirectoryUnit unit : directory.units()) {
                index.put(normal(unit.nameZh()), new NamedUnit(unit));
                longestFirst.add(Map.entry(unit.nameZh(), unit));
                for (String alias : unit.aliases() == null ? List.<String> of() : unit.aliases()) {
                    index.putIfAbsent(normal(alias), new NamedUnit(unit));
                    longestFirst.add(Map.entry(alias, unit));
                }
            }
            for (UnitGroup group : directory.groups() == null ? List.<UnitGroup> of() : directory.groups()) {
                index.put(normal(group.name()), new NamedGroup(group));
                for (String alias : group.aliases() == null ? List.<String> of() : group.aliases()) {
                    index.putIfAbsent(normal(alias), new NamedGroup(group));
                }
            }
            longestFirst.sort((x, y) -> y.getKey().length() - x.getKey().length());
        }

        /** The unit or group a name (as written, spaces aside) stands for. */
        public Optional<Named> find(String name) {
            return Optional.ofNullable(index.get(normal(name)));
        }

        /** Every unit's name and alias, longest first: for finding units mentioned in running text. */
        public List<Map.Entry<String, DirectoryUnit>> unitNamesLongestFirst() {
            return longestFirst;
        }
    }

    public Optional<DirectoryUnit> unit(String code) {
        return units().stream().filter(u -> u.code().equals(code)).findFirst();
    }

    public Optional<DirectoryIndustry> industryNamed(String nameZh) {
        return industries() == null ? Optional.empty()
                : industries().stream().filter(i -> i.nameZh().equals(nameZh)).findFirst();
    }

    /** The directory's position of a unit: drafts list units in the directory's order. */
    public int position(String code) {
        for (int i = 0; i < units().size(); i++) {
            if (units().get(i).code().equals(code)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    public UnitEntry entry(DirectoryUnit unit) {
        return new UnitEntry(unit.code(), unit.nameZh(), unit.nameEn(), unit.category(), unit.parent());
    }

    public static IndustryEntry entry(DirectoryIndustry industry) {
        return new IndustryEntry(industry.code(), industry.nameZh(), industry.nameEn());
    }

    /** Names compare without whitespace (全  市 is 全市) and with full-width brackets. */
    static String normal(String name) {
        return name == null ? "" : name.replaceAll("[\\s\\u3000\\u00a0]", "").replace('(', '（').replace(')', '）');
    }
}
