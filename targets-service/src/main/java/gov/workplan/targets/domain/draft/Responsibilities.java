package gov.workplan.targets.domain.draft;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.workplan.targets.domain.UnitCategory;
import gov.workplan.targets.domain.draft.SourceText.Passage;
import gov.workplan.targets.domain.draft.UnitDirectory.DirectoryUnit;
import gov.workplan.targets.domain.draft.UnitDirectory.Named;
import gov.workplan.targets.domain.draft.UnitDirectory.NamedGroup;
import gov.workplan.targets.domain.draft.UnitDirectory.NamedUnit;
import gov.workplan.targets.domain.draft.UnitDirectory.UnitGroup;

/**
 * Reads who is responsible for a task from its closing note, in either notation documents use:
 * （责任单位：A、B、C） — A leads, the others take part; where the note begins with a group (各区政府及新区管委会)
 * its members lead, and where it names only groups every member leads its own part — or
 * （牵头单位：A；配合单位：B、C） — as written. Names are resolved against the directory; a name written
 * without its prefix takes the prefix of the name before it (市发展改革委、科工贸信委 → 市科工贸信委;
 * 市委宣传部、组织部 → 市委组织部).
 */
final class Responsibilities {

    static final Pattern NOTE = Pattern.compile("[（(]\\s*(责任单位|牵头单位)[:：]([^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*)[）)]\\s*[。.]?$");
    private static final Pattern CO = Pattern.compile("[；;，,]?\\s*(配合单位|协办单位|参与单位)[:：]");
    private static final Pattern PREFIX = Pattern.compile("^(市委|市政府|市)");

    /** A note as read, its groups not yet expanded (市直各部门 depends on every unit the plan names). */
    record Note(Passage passage, String text, boolean leadNotation, List<Named> leads, List<Named> others,
            List<String> unknown) {
    }

    /** Who leads and who takes part, as unit codes, in the order written. */
    record Resolved(List<String> lead, List<String> coResponsible) {
    }

    private final UnitDirectory.Names names;

    Responsibilities(UnitDirectory.Names names) {
        this.names = names;
    }

    /** The closing note of a paragraph, if it has one: where it starts in the paragraph, and what it says. */
    Optional<Note> read(Passage paragraph) {
        Matcher m = NOTE.matcher(paragraph.text());
        if (!m.find()) {
            return Optional.empty();
        }
        Passage note = paragraph.part(m.start(), m.end());
        String body = m.group(2).trim();
        List<String> unknown = new ArrayList<>();
        if (m.group(1).equals("责任单位")) {
            List<Named> named = names(body, unknown);
            return Optional.of(new Note(note, body, false, named, List.of(), unknown));
        }
        Matcher co = CO.matcher(body);
        boolean withOthers = co.find();
        String leads = withOthers ? body.substring(0, co.start()) : body;
        String others = withOthers ? body.substring(co.end()) : "";
        return Optional.of(new Note(note, body, true, names(leads, unknown), names(others, unknown), unknown));
    }

    /**
     * Lead and co-responsible units of a note. {@code namedInPlan}: every unit the plan names, in the directory's
     * order, for the groups that stand for "every unit of a category the plan names".
     */
    Resolved resolve(Note note, List<DirectoryUnit> namedInPlan) {
        Set<String> lead = new LinkedHashSet<>();
        Set<String> co = new LinkedHashSet<>();
        if (note.leadNotation()) {
            note.leads().forEach(n -> lead.addAll(members(n, namedInPlan)));
            note.others().forEach(n -> co.addAll(members(n, namedInPlan)));
        } else if (!note.leads().isEmpty()) {
            boolean onlyGroups = note.leads().stream().allMatch(n -> n instanceof NamedGroup);
            for (int i = 0; i < note.leads().size(); i++) {
                List<String> units = members(note.leads().get(i), namedInPlan);
                (i == 0 || onlyGroups ? lead : co).addAll(units);
            }
        }
        co.removeAll(lead);
        return new Resolved(List.copyOf(lead), List.copyOf(co));
    }

    /** Units a note names itself (not through a group): units the plan names. */
    static List<DirectoryUnit> namedUnits(Note note) {
        List<DirectoryUnit> units = new ArrayList<>();
        for (List<Named> list : List.of(note.leads(), note.others())) {
            list.stream().filter(n -> n instanceof NamedUnit).forEach(n -> units.add(((NamedUnit) n).unit()));
        }
        return units;
    }

    private List<String> members(Named named, List<DirectoryUnit> namedInPlan) {
        if (named instanceof NamedUnit unit) {
            return List.of(unit.unit().code());
        }
        UnitGroup group = ((NamedGroup) named).group();
        if (group.members() != null && !group.members().isEmpty()) {
            return group.members();
        }
        UnitCategory category = group.categoryNamedInPlan();
        return namedInPlan.stream().filter(u -> u.category() == category).map(DirectoryUnit::code).toList();
    }

    /** Names in a list (、，和 between them), each resolved as written, then with the prefix carried from before. */
    private List<Named> names(String list, List<String> unknown) {
        List<Named> named = new ArrayList<>();
        String prefix = "";
        for (String raw : list.split("[、，,；;]")) {
            String name = SourceText.strip(raw);
            if (name.isEmpty()) {
                continue;
            }
            List<String> parts = resolvable(name, prefix) ? List.of(name) : splitAtAnd(name, prefix);
            for (String part : parts) {
                Optional<Named> found = find(part, prefix);
                if (found.isEmpty()) {
                    unknown.add(part);
                    continue;
                }
                named.add(found.get());
                Matcher p = PREFIX.matcher(part);
                if (p.find()) {
                    prefix = p.group(1);
                }
            }
        }
        return named;
    }

    private boolean resolvable(String name, String prefix) {
        return find(name, prefix).isPresent();
    }

    /** 人力资源保障局和各区政府及新区管委会: two names, when each half is one. */
    private List<String> splitAtAnd(String name, String prefix) {
        for (int i = name.indexOf('和'); i > 0; i = name.indexOf('和', i + 1)) {
            String left = name.substring(0, i);
            String right = name.substring(i + 1);
            if (resolvable(left, prefix) && resolvable(right, prefix)) {
                return List.of(left, right);
            }
        }
        return List.of(name);
    }

    private Optional<Named> find(String name, String prefix) {
        Optional<Named> found = names.find(name);
        if (found.isEmpty() && !prefix.isEmpty()) {
            found = names.find(prefix + name);
        }
        if (found.isEmpty() && !"市".equals(prefix)) {
            found = names.find("市" + name); // 市政府采购中心、财政委: the city's, not the government office's
        }
        return found;
    }
}
