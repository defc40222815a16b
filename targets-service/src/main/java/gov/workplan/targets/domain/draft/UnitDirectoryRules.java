package gov.workplan.targets.domain.draft;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import gov.workplan.common.problem.FieldErrors;
import gov.workplan.contracts.ContractField;
import gov.workplan.targets.domain.PlanDocumentRules;
import gov.workplan.targets.domain.draft.UnitDirectory.DirectoryIndustry;
import gov.workplan.targets.domain.draft.UnitDirectory.DirectoryUnit;
import gov.workplan.targets.domain.draft.UnitDirectory.UnitGroup;

/**
 * What a unit directory must be before it is saved: codes a plan can use, names within the limits every service
 * stores, no name standing for two things (the reader could not tell them apart), groups of known members.
 */
public final class UnitDirectoryRules {

    static final int MAX_UNITS = 5_000;
    static final int MAX_ALIASES = 20;

    private UnitDirectoryRules() {
    }

    public static FieldErrors check(String code, UnitDirectory directory) {
        FieldErrors errors = new FieldErrors();
        if (directory == null) {
            return errors.add("body", "a unit directory is required");
        }
        if (directory.code() != null && !directory.code().equals(code)) {
            errors.add("code", "must be the code in the path, '" + code + "'");
        }
        if (directory.zone() == null) {
            errors.add("zone", "is required, e.g. Asia/Shanghai");
        } else {
            try {
                ZoneId.of(directory.zone());
            } catch (DateTimeException e) {
                errors.add("zone", "is not a known time zone");
            }
        }
        Map<String, String> names = new HashMap<>();
        Set<String> codes = new HashSet<>();
        List<DirectoryUnit> units = directory.units() == null ? List.of() : directory.units();
        if (units.isEmpty() || units.size() > MAX_UNITS) {
            errors.add("units", "must list 1 to " + MAX_UNITS + " units");
        }
        for (int i = 0; i < units.size() && i < MAX_UNITS; i++) {
            DirectoryUnit unit = units.get(i);
            String at = "units[" + i + "]";
            if (unit == null) {
                errors.add(at, "must not be null");
                continue;
            }
            if (unit.code() == null || !PlanDocumentRules.CODE.matcher(unit.code()).matches()) {
                errors.add(at + ".code", "must be a lower-case ASCII code like 'futian'");
            } else if (!codes.add(unit.code())) {
                errors.add(at + ".code", "'" + unit.code() + "' is listed twice");
            }
            text(unit.nameZh(), ContractField.UNIT_NAME_ZH.maxLength(), at + ".nameZh", errors);
            text(unit.nameEn(), ContractField.UNIT_NAME_EN.maxLength(), at + ".nameEn", errors);
            if (unit.category() == null) {
                errors.add(at + ".category", "is required: one of CITY, DISTRICT, DEPARTMENT, ENTERPRISE, LEADING_GROUP");
            }
            name(unit.nameZh(), unit.code(), at + ".nameZh", names, errors);
            List<String> aliases = unit.aliases() == null ? List.of() : unit.aliases();
            if (aliases.size() > MAX_ALIASES) {
                errors.add(at + ".aliases", "must be at most " + MAX_ALIASES);
            }
            for (int a = 0; a < aliases.size() && a < MAX_ALIASES; a++) {
                text(aliases.get(a), ContractField.UNIT_NAME_ZH.maxLength(), at + ".aliases[" + a + "]", errors);
                name(aliases.get(a), unit.code(), at + ".aliases[" + a + "]", names, errors);
            }
        }
        for (int i = 0; i < units.size() && i < MAX_UNITS; i++) {
            DirectoryUnit unit = units.get(i);
            if (unit != null && unit.parent() != null && !codes.contains(unit.parent())) {
                errors.add("units[" + i + "].parent", "unit '" + unit.parent() + "' is not in the directory");
            }
        }
        if (directory.topUnit() == null || !codes.contains(directory.topUnit())) {
            errors.add("topUnit", "must be a unit of the directory");
        }
        List<UnitGroup> groups = directory.groups() == null ? List.of() : directory.groups();
        for (int i = 0; i < groups.size() && i < 100; i++) {
            UnitGroup group = groups.get(i);
            String at = "groups[" + i + "]";
            if (group == null) {
                errors.add(at, "must not be null");
                continue;
            }
            text(group.name(), ContractField.UNIT_NAME_ZH.maxLength(), at + ".name", errors);
            name(group.name(), "group " + i, at + ".name", names, errors);
            List<String> aliases = group.aliases() == null ? List.of() : group.aliases();
            for (int a = 0; a < aliases.size() && a < MAX_ALIASES; a++) {
                text(aliases.get(a), ContractField.UNIT_NAME_ZH.maxLength(), at + ".aliases[" + a + "]", errors);
                name(aliases.get(a), "group " + i, at + ".aliases[" + a + "]", names, errors);
            }
            boolean hasMembers = group.members() != null && !group.members().isEmpty();
            if (hasMembers == (group.categoryNamedInPlan() != null)) {
                errors.add(at, "names its members or a categoryNamedInPlan, one of the two");
            }
            List<String> members = group.members() == null ? List.of() : group.members();
            for (int m = 0; m < members.size() && m < MAX_UNITS; m++) {
                if (!codes.contains(members.get(m))) {
                    errors.add(at + ".members[" + m + "]", "unit '" + members.get(m) + "' is not in the directory");
                }
            }
        }
        if (groups.size() > 100) {
            errors.add("groups", "must be at most 100");
        }
        List<DirectoryIndustry> industries = directory.industries() == null ? List.of() : directory.industries();
        Set<String> industryCodes = new HashSet<>();
        for (int i = 0; i < industries.size() && i < 100; i++) {
            DirectoryIndustry industry = industries.get(i);
            String at = "industries[" + i + "]";
            if (industry == null || industry.code() == null || !PlanDocumentRules.CODE.matcher(industry.code()).matches()) {
                errors.add(at + ".code", "must be a lower-case ASCII code like 'bio'");
                continue;
            }
            if (!industryCodes.add(industry.code())) {
                errors.add(at + ".code", "'" + industry.code() + "' is listed twice");
            }
            text(industry.nameZh(), ContractField.INDUSTRY_NAME_ZH.maxLength(), at + ".nameZh", errors);
            text(industry.nameEn(), ContractField.INDUSTRY_NAME_EN.maxLength(), at + ".nameEn", errors);
        }
        if (industries.size() > 100) {
            errors.add("industries", "must be at most 100");
        }
        if (directory.documentPrefixes() != null) {
            if (directory.documentPrefixes().size() > 100) {
                errors.add("documentPrefixes", "must be at most 100");
            }
            directory.documentPrefixes().forEach((abbreviation, prefix) -> {
                if (abbreviation == null || abbreviation.isBlank() || abbreviation.length() > 20) {
                    errors.add("documentPrefixes", "an abbreviation must be 1 to 20 characters");
                }
                if (prefix == null || prefix.length() > 40 || !PlanDocumentRules.CODE.matcher(prefix).matches()) {
                    errors.add("documentPrefixes." + abbreviation, "must be a lower-case ASCII code prefix like 'szfb'");
                }
            });
        }
        return errors;
    }

    private static void text(String value, int max, String at, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            errors.add(at, "is required");
        } else if (value.length() > max) {
            errors.add(at, "must be at most " + max + " characters");
        }
    }

    private static void name(String name, String owner, String at, Map<String, String> names, FieldErrors errors) {
        if (name == null || name.isBlank()) {
            return;
        }
        String before = names.put(UnitDirectory.normal(name), owner);
        if (before != null && !before.equals(owner)) {
            errors.add(at, "'" + name + "' already names " + before + ": a name must stand for one unit or group");
        }
    }
}
