package gov.workplan.targets.domain.draft;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.workplan.targets.domain.Caliber;
import gov.workplan.targets.domain.PlanDocument;
import gov.workplan.targets.domain.PlanDocument.AppendixEntry;
import gov.workplan.targets.domain.PlanDocument.GoalEntry;
import gov.workplan.targets.domain.PlanDocument.IndicatorEntry;
import gov.workplan.targets.domain.PlanDocument.IndustryEntry;
import gov.workplan.targets.domain.PlanDocument.PlanHeader;
import gov.workplan.targets.domain.PlanDocument.ReportingRule;
import gov.workplan.targets.domain.PlanDocument.TargetEntry;
import gov.workplan.targets.domain.PlanDocument.TaskEntry;
import gov.workplan.targets.domain.PlanDocument.UnitEntry;
import gov.workplan.targets.domain.ReportingFrequency;
import gov.workplan.targets.domain.TargetKind;
import gov.workplan.targets.domain.TargetSource;
import gov.workplan.targets.domain.draft.PlanDraft.Citation;
import gov.workplan.targets.domain.draft.PlanDraft.ReviewItem;
import gov.workplan.targets.domain.draft.SourceText.Line;
import gov.workplan.targets.domain.draft.SourceText.Passage;
import gov.workplan.targets.domain.draft.TargetPhrases.Phrase;
import gov.workplan.targets.domain.draft.UnitDirectory.DirectoryIndustry;
import gov.workplan.targets.domain.draft.UnitDirectory.DirectoryUnit;
import gov.workplan.targets.domain.draft.UnitDirectory.Named;
import gov.workplan.targets.domain.draft.UnitDirectory.NamedUnit;

/**
 * Drafts a plan from the text of a work-plan document (工作方案) of the genre the suite runs: the notice's header
 * (文号, issuer, dates), the preamble, numbered chapters (一、) — or, where a text copy lost them, chapters
 * separated by blank lines — the yearly targets in prose, a decomposition table, tasks numbered （一）/1．/（1）
 * each closed by a note naming who is responsible, deadlines in the text (…月底前, …日前), the reporting rule
 * (每季度第一个月十日前向…报送) and the approval (上报…审定). Units are resolved against the city's
 * {@link UnitDirectory}. Every drafted item cites its passage; whatever the reader could not resolve is put on
 * the review list, not guessed. Pure: no Quarkus, no database.
 */
public final class PlanTextReader {

    private static final Pattern META = Pattern.compile("^([^:：]{1,12})[:：]\\s*(.*)$");
    private static final Pattern CHAPTER = Pattern.compile("^([一二三四五六七八九十]{1,3})、\\s*(.*)$");
    private static final Pattern LEVEL1 = Pattern.compile("^（([一二三四五六七八九十]{1,3})）\\s*(.*)$");
    private static final Pattern LEVEL2 = Pattern.compile("^(\\d{1,2})[．.、]\\s*(.*)$");
    private static final Pattern LEVEL3 = Pattern.compile("^[（(](\\d{1,2})[）)]\\s*(.*)$");
    private static final Pattern YEAR_HEADING = Pattern
            .compile("^(?:（[一二三四五六七八九十]{1,3}）)?\\s*(?:到)?(\\d{4})年(?:工作|发展|主要|年度)?目标[。：:]?$");
    private static final Pattern TARGET_CHAPTER = Pattern.compile("目标[。：:]?$");
    private static final Pattern YEAR_IN_TEXT = Pattern.compile("(?:到|至|在)(\\d{4})年(?:底)?[，,]?");
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("^([^〔\\[［]{1,20})[〔\\[［](\\d{4})[〕\\]］](\\d{1,6})号$");
    private static final Pattern TITLE_IN_NOTICE = Pattern.compile("《([^《》]{1,200})》[^《》]{0,200}?印发");
    private static final Pattern TITLE_IN_NAME = Pattern.compile("印发([^\\n]{1,300})的通知$");
    private static final Pattern SPAN = Pattern.compile("[（(](\\d{4})\\s*[―—–\\-－~～至]\\s*(\\d{4})年[）)]");
    private static final Pattern DEADLINE = Pattern.compile(
            "(?:在|到|于)?(\\d{4})年(?:(\\d{1,2})月(?:(\\d{1,2})日|底)|底)前");
    private static final Pattern WITHIN_THE_YEAR = Pattern.compile("年内");
    private static final Pattern REPORTING = Pattern.compile(
            "每(季度|月|半年|年)(?:第([一二三123])个月)?([一二三四五六七八九十\\d]{1,3})日前向([^，。；]{1,60}?)报送");
    private static final Pattern APPROVAL = Pattern.compile("上报([^，。；]{1,60}?)(审定|审批|批准|审议)");
    private static final Pattern APPENDIX = Pattern.compile("^(?:附件[:：])?\\s*(\\d{1,2})[．.、]\\s*(.+?)(（略）)?$");
    private static final Pattern APPENDICES = Pattern.compile("^附件[:：]");
    private static final Pattern TOTAL_ROW = Pattern.compile("^(全市|合计|总计)$");
    private static final Pattern CALIBER_NOTE = Pattern.compile("^说明[:：](.*)$");
    private static final int TITLE_SENTENCE = 25;

    private final UnitDirectory directory;
    private final UnitDirectory.Names names;
    private final SourceText source;
    private final Responsibilities responsibilities;
    private final List<Citation> citations = new ArrayList<>();
    private final List<ReviewItem> review = new ArrayList<>();

    private final Map<String, String> meta = new HashMap<>();
    private Line addressees;
    private String title;
    private Line issuerLine;
    private LocalDate issuedOn;
    private final List<Line> preamble = new ArrayList<>();
    private final List<GoalEntry> goals = new ArrayList<>();
    private final List<AppendixEntry> appendices = new ArrayList<>();
    private final List<DraftTarget> targets = new ArrayList<>();
    private final List<DraftTask> tasks = new ArrayList<>();
    private final List<DecompositionTable> tables = new ArrayList<>();
    private final Map<String, Caliber> calibers = new HashMap<>();
    private final Set<DirectoryUnit> named = new LinkedHashSet<>();
    private ReportingRule reporting;
    private String approver;

    /** A target as drafted: its indicator is known by what it counts until codes are given. */
    private record DraftTarget(String unit, String industry, String subject, String indicatorName, String measure,
            int year, TargetKind kind, BigDecimal value, BigDecimal maxValue, String wording, TargetSource source,
            Passage passage, double confidence) {
    }

    private static final class DraftTask {
        String code;
        int section;
        String parent;
        String title;
        final List<String> description = new ArrayList<>();
        Passage first;
        Responsibilities.Note note;
        LocalDate deadline;
        String deadlineText;
        Passage deadlinePassage;
        boolean hasChildren;
        final List<Passage> paragraphs = new ArrayList<>();
        List<String> lead = List.of();
        List<String> coResponsible = List.of();
        String inferredLead;
    }

    private PlanTextReader(String text, UnitDirectory directory) {
        this.directory = directory;
        this.names = directory.names();
        this.source = new SourceText(text);
        this.responsibilities = new Responsibilities(names);
    }

    /** Drafts a plan from a document's text. */
    public static PlanDraft read(String text, UnitDirectory directory) {
        return new PlanTextReader(text, directory).draft();
    }

    private PlanDraft draft() {
        List<Line> lines = source.lines;
        int body = header();
        int end = body;
        while (end < lines.size() && !APPENDICES.matcher(lines.get(end).text()).find()) {
            end++;
        }
        appendices(end);
        List<Line> bodyLines = lines.subList(body, end);
        for (Section section : sections(bodyLines)) {
            if (section.isTargets()) {
                targetSection(section);
            } else {
                taskSection(section);
            }
        }
        reportingRule(bodyLines);
        resolveResponsibilities();
        tableTargets();
        return new PlanDraft(document(), citations, review);
    }

    // ---------------------------------------------------------------- header

    /** Reads the notice's header; answers the index of the first line of the plan's own text. */
    private int header() {
        List<Line> lines = source.lines;
        int body = 0;
        Line notice = null;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.blank()) {
                continue;
            }
            if (line.text().startsWith("http://") || line.text().startsWith("https://")) {
                meta.put("url", line.text());
                cite("plan.sourceUrl", line.whole(), 1.0);
                body = i + 1;
                continue;
            }
            Matcher m = META.matcher(line.text());
            String key = m.matches() ? m.group(1).replaceAll("[\\s\\u3000]", "") : "";
            if (List.of("索引号", "信息分类", "发布机构", "发布日期", "信息名称", "文号", "关键词").contains(key)) {
                meta.put(key, m.group(2).trim());
                body = i + 1;
                continue;
            }
            if (!meta.containsKey("信息名称") && TITLE_IN_NAME.matcher(line.text()).find()) {
                meta.put("信息名称", line.text()); // a notice without the portal's fields: its own title line
                body = i + 1;
                continue;
            }
            if (!meta.containsKey("文号") && DOCUMENT_NUMBER.matcher(line.text().replaceAll("\\s", "")).matches()) {
                meta.put("文号", line.text().replaceAll("\\s", ""));
                body = i + 1;
                continue;
            }
            if (addressees == null && notice == null && (line.text().endsWith("：") || line.text().endsWith(":"))) {
                addressees = line;
                body = i + 1;
                continue;
            }
            if (notice == null && TITLE_IN_NOTICE.matcher(line.text()).find()) {
                notice = line;
                Matcher t = TITLE_IN_NOTICE.matcher(line.text());
                t.find();
                title = t.group(1);
                cite("plan.title", line.passage(t.start(1), t.end(1)), 1.0);
                body = i + 1;
                continue;
            }
            LocalDate date = ChineseNumerals.date(line.text());
            if (date == null && i + 1 < lines.size() && ChineseNumerals.date(lines.get(i + 1).text()) != null) {
                issuerLine = line; // the signature: the issuing office, then the date
                continue;
            }
            if (date != null) {
                issuedOn = date;
                cite("plan.issuedOn", line.whole(), 1.0);
                body = i + 1;
                break;
            }
            if (notice != null || addressees != null) {
                break; // the plan's text begins without a signature
            }
        }
        if (title == null && meta.containsKey("信息名称")) {
            Matcher t = TITLE_IN_NAME.matcher(meta.get("信息名称"));
            if (t.find()) {
                title = t.group(1);
            }
        }
        // a text that repeats the plan's title above its preamble
        while (body < lines.size() && (lines.get(body).blank() || lines.get(body).text().equals(title))) {
            if (!lines.get(body).blank()) {
                body++;
                break;
            }
            body++;
        }
        if (title == null) {
            review("plan.title", null, null, "no title found (《…》 in the notice, or 信息名称): fill it in");
        }
        return body;
    }

    // ---------------------------------------------------------------- sections

    private record Section(int number, String title, List<Line> lines) {

        boolean isTargets() {
            if (title != null && TARGET_CHAPTER.matcher(title).find()) {
                return true;
            }
            return title == null && !lines.isEmpty() && YEAR_HEADING.matcher(lines.get(0).text()).matches();
        }
    }

    /**
     * The chapters: by their 一、 headings, or, when the text lost them, by the blank lines between them (the first
     * block being the preamble). Blank lines inside a decomposition table do not separate anything.
     */
    private List<Section> sections(List<Line> body) {
        boolean headed = body.stream().anyMatch(l -> CHAPTER.matcher(l.text()).matches());
        List<Section> sections = new ArrayList<>();
        List<Line> current = preamble;
        int number = 0;
        String chapterTitle = null;
        boolean seenText = false;
        for (int i = 0; i < body.size(); i++) {
            Line line = body.get(i);
            if (DecompositionTable.MEASURE.matcher(line.text()).matches()) {
                DecompositionTable table = DecompositionTable.read(body, i, this::isRowLabel);
                if (table != null) {
                    current.add(line); // stands for the table in its task's text
                    tables.add(table);
                    i = table.end - 1;
                    continue;
                }
            }
            Matcher chapter = CHAPTER.matcher(line.text());
            boolean starts = headed ? chapter.matches() : line.blank() && seenText && !current.isEmpty();
            if (starts) {
                if (current != preamble) {
                    sections.add(new Section(number, chapterTitle, current));
                }
                number = headed ? ChineseNumerals.value(chapter.group(1)).orElse(number + 1) : number + 1;
                chapterTitle = headed ? chapter.group(2).replaceFirst("[。：:]$", "") : null;
                current = new ArrayList<>();
                continue;
            }
            if (!line.blank()) {
                current.add(line);
                seenText = true;
            }
        }
        if (current != preamble) {
            sections.add(new Section(number, chapterTitle, current));
        }
        return sections.stream().filter(s -> !s.lines().isEmpty()).toList();
    }

    private boolean isRowLabel(String text) {
        String name = UnitDirectory.normal(text);
        return TOTAL_ROW.matcher(name).matches() || names.find(name).filter(n -> n instanceof NamedUnit).isPresent();
    }

    // ---------------------------------------------------------------- targets in prose

    private void targetSection(Section section) {
        Integer year = null;
        for (Line line : section.lines()) {
            Matcher heading = YEAR_HEADING.matcher(line.text());
            if (heading.matches()) {
                year = Integer.parseInt(heading.group(1));
                continue;
            }
            proseTargets(line.whole(), year, directory.topUnit(), 0.9, true);
        }
    }

    /**
     * The targets of a paragraph for {@code unit}; sentences without a value are the year's goal statement (when
     * {@code goalsToo}). The industry is the one the paragraph's first target is of (生物产业规模… makes the
     * paragraph biotech's).
     */
    private void proseTargets(Passage paragraph, Integer headingYear, String unit, double confidence, boolean goalsToo) {
        String industry = null;
        boolean industryRead = false;
        StringBuilder goal = new StringBuilder();
        for (Passage sentence : sentences(paragraph)) {
            if (!TargetPhrases.hasValue(sentence.text())) {
                if (goalsToo && !sentence.text().endsWith("：") && sentence.text().length() > 4) {
                    goal.append(sentence.text()).append('。');
                }
                continue;
            }
            Integer year = headingYear;
            Matcher inText = YEAR_IN_TEXT.matcher(sentence.text());
            if (year == null && inText.find()) {
                year = Integer.parseInt(inText.group(1));
            }
            for (Phrase phrase : TargetPhrases.ofSentence(sentence)) {
                if (phrase.kind() == null) {
                    review("targets", phrase.wording(), "the clause names more than one value: split it into targets");
                    continue;
                }
                if (!industryRead) {
                    industry = industryOf(phrase.subject());
                    industryRead = true;
                }
                if (year == null) {
                    review("targets", phrase.wording(), "no year for this target (no 20XX年目标 heading, no 到20XX年)");
                    continue;
                }
                addTarget(new DraftTarget(unit, industry, phrase.subject(), phrase.indicatorName(), phrase.measure(),
                        year, phrase.kind(), phrase.value(), phrase.maxValue(), phrase.wording().text(),
                        TargetSource.TEXT, phrase.wording(), phrase.kindStated() ? confidence : confidence - 0.1));
            }
        }
        if (goal.length() > 0 && headingYear != null) {
            goals.add(new GoalEntry(headingYear, goal.toString()));
            cite("plan.goals[" + (goals.size() - 1) + "]", paragraph, 0.8);
        }
    }

    private String industryOf(String subject) {
        String what = subject.contains("|") ? "" : subject;
        for (DirectoryIndustry industry : directory.industries() == null ? List.<DirectoryIndustry> of()
                : directory.industries()) {
            if (what.startsWith(industry.nameZh() + "产业")) {
                return industry.code();
            }
        }
        return null;
    }

    private void addTarget(DraftTarget target) {
        targets.add(target);
        directory.unit(target.unit()).ifPresent(named::add);
    }

    private static List<Passage> sentences(Passage paragraph) {
        List<Passage> sentences = new ArrayList<>();
        String text = paragraph.text();
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '。' || text.charAt(i) == '：' && i + 1 < text.length()) {
                Passage s = paragraph.part(from, i == text.length() ? i : i + (text.charAt(i) == '：' ? 1 : 0)).trimmed();
                if (!s.text().isEmpty()) {
                    sentences.add(s);
                }
                from = i + 1;
            }
        }
        return sentences;
    }

    // ---------------------------------------------------------------- tasks

    private void taskSection(Section section) {
        DraftTask level1 = null;
        DraftTask level2 = null;
        DraftTask current = null;
        List<Line> untitled = new ArrayList<>();
        for (Line line : section.lines()) {
            Matcher m1 = LEVEL1.matcher(line.text());
            Matcher m2 = LEVEL2.matcher(line.text());
            Matcher m3 = LEVEL3.matcher(line.text());
            if (m1.matches()) {
                level1 = task(section, String.valueOf(ChineseNumerals.value(m1.group(1)).orElse(0)), null, line, m1.start(2));
                level2 = null;
                current = level1;
            } else if (m2.matches() && !DecompositionTable.MEASURE.matcher(line.text()).matches()) {
                level2 = task(section, m2.group(1), level1, line, m2.start(2));
                current = level2;
            } else if (m3.matches()) {
                current = task(section, m3.group(1), level2 != null ? level2 : level1, line, m3.start(2));
            } else if (current != null) {
                paragraph(current, line);
            } else {
                untitled.add(line);
            }
        }
        if (current == null && !untitled.isEmpty()) {
            DraftTask whole = new DraftTask();
            whole.code = String.valueOf(section.number());
            whole.section = section.number();
            whole.title = section.title();
            whole.first = untitled.get(0).whole();
            tasks.add(whole);
            untitled.forEach(line -> paragraph(whole, line));
        }
    }

    private DraftTask task(Section section, String number, DraftTask parent, Line line, int textStart) {
        DraftTask task = new DraftTask();
        task.section = section.number();
        task.code = (parent == null ? String.valueOf(section.number()) : parent.code) + "." + number;
        task.parent = parent == null ? null : parent.code;
        if (parent != null) {
            parent.hasChildren = true;
        }
        Passage text = line.passage(textStart, line.text().length());
        task.first = line.whole();
        tasks.add(task);
        String heading = text.text();
        int stop = heading.indexOf('。');
        boolean headingOnly = stop < 0 || stop == heading.length() - 1;
        if (headingOnly && !Responsibilities.NOTE.matcher(heading).find()) {
            task.title = heading.replaceFirst("[。：:]$", "");
            cite("tasks[" + task.code + "].title", text, 1.0);
        } else {
            String firstSentence = stop < 0 ? heading : heading.substring(0, stop);
            String after = stop < 0 ? "" : Responsibilities.NOTE.matcher(heading.substring(stop + 1)).replaceFirst("").trim();
            if (firstSentence.length() <= TITLE_SENTENCE && !firstSentence.contains("，") && !after.isEmpty()) {
                task.title = firstSentence;
                cite("tasks[" + task.code + "].title", text.part(0, firstSentence.length()), 0.8);
            }
            paragraph(task, text);
        }
        return task;
    }

    private void paragraph(DraftTask task, Line line) {
        paragraph(task, line.whole());
    }

    private void paragraph(DraftTask task, Passage text) {
        if (DecompositionTable.MEASURE.matcher(text.text()).matches()) {
            tables.stream().filter(t -> t.measureLine.number() == text.line()).findFirst().ifPresent(table -> {
                task.description.add("（目标分解表，" + text.text() + "）");
                tableOwner.put(table, task);
            });
            return;
        }
        Matcher caliber = CALIBER_NOTE.matcher(text.text());
        if (caliber.matches() && !tables.isEmpty()) {
            calibers(caliber.group(1), text);
            return;
        }
        Optional<Responsibilities.Note> note = responsibilities.read(text);
        String body = note.map(n -> text.text().substring(0, n.passage().offset() - text.offset())).orElse(text.text());
        task.description.add(SourceText.strip(body));
        task.paragraphs.add(text.part(0, body.length()));
        if (note.isPresent()) {
            task.note = note.get();
            named.addAll(Responsibilities.namedUnits(note.get()));
            for (String unknown : note.get().unknown()) {
                review("tasks[" + task.code + "].lead", note.get().passage(),
                        "'" + unknown + "' is not in the unit directory: add it to the directory or correct the name");
            }
        }
    }

    private final Map<DecompositionTable, DraftTask> tableOwner = new HashMap<>();

    /** 说明：生物产业数据按产值发生地统计；互联网、新能源产业数据按企业注册地统计。 */
    private void calibers(String note, Passage passage) {
        for (String part : note.split("[；;。]")) {
            Caliber caliber = part.contains("产值发生地") ? Caliber.OUTPUT_LOCATION
                    : part.contains("注册地") ? Caliber.REGISTRATION_PLACE : null;
            if (caliber == null) {
                continue;
            }
            for (DirectoryIndustry industry : directory.industries()) {
                if (part.contains(industry.nameZh())) {
                    calibers.put(industry.code(), caliber);
                }
            }
        }
        cite("indicators.caliber", passage, 0.9);
    }

    /** Leads, deadlines and the targets the tasks' own text sets, once every unit the plan names is known. */
    private void resolveResponsibilities() {
        for (DraftTask task : tasks) {
            if (task.note == null && !task.hasChildren) {
                inferLead(task);
            }
            deadline(task);
        }
        List<DirectoryUnit> inPlan = named.stream().sorted(Comparator.comparingInt(u -> directory.position(u.code())))
                .toList();
        for (DraftTask task : tasks) {
            if (task.note != null) {
                Responsibilities.Resolved resolved = responsibilities.resolve(task.note, inPlan);
                task.lead = resolved.lead();
                task.coResponsible = resolved.coResponsible();
                cite("tasks[" + task.code + "].lead", task.note.passage(), task.note.unknown().isEmpty() ? 0.95 : 0.6);
            } else if (task.inferredLead != null) {
                task.lead = List.of(task.inferredLead);
            }
            taskTargets(task);
        }
    }

    /** A task without a note: the unit its text names first as the one acting is its lead — for review. */
    private void inferLead(DraftTask task) {
        for (Passage paragraph : task.paragraphs) {
            int best = Integer.MAX_VALUE;
            Map.Entry<String, DirectoryUnit> found = null;
            for (Map.Entry<String, DirectoryUnit> name : names.unitNamesLongestFirst()) {
                int at = paragraph.text().indexOf(name.getKey());
                if (at >= 0 && at < best) {
                    best = at;
                    found = name;
                }
            }
            if (found != null) {
                task.inferredLead = found.getValue().code();
                named.add(found.getValue());
                Passage cited = paragraph.part(best, best + found.getKey().length());
                cite("tasks[" + task.code + "].lead", cited, 0.5);
                review("tasks[" + task.code + "].lead", cited, "no responsibility note: the lead is read as the unit the "
                        + "text names first (" + found.getKey() + "); confirm it or name the responsible units");
                return;
            }
        }
        review("tasks[" + task.code + "].lead", task.first, "no responsibility note and no unit named: name the responsible units");
    }

    private void deadline(DraftTask task) {
        for (Passage paragraph : task.paragraphs) {
            Matcher m = DEADLINE.matcher(paragraph.text());
            if (m.find()) {
                int year = Integer.parseInt(m.group(1));
                LocalDate date;
                if (m.group(2) == null) {
                    date = LocalDate.of(year, 12, 31);
                } else if (m.group(3) == null) {
                    date = YearMonth.of(year, Math.min(12, Math.max(1, Integer.parseInt(m.group(2))))).atEndOfMonth();
                } else {
                    date = safeDate(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                }
                if (date == null) {
                    review("tasks[" + task.code + "].deadline", paragraph.part(m.start(), m.end()), "not a date");
                    return;
                }
                task.deadline = date;
                task.deadlinePassage = deadlinePhrase(paragraph, m.start(), m.end());
                task.deadlineText = task.deadlinePassage.text();
                cite("tasks[" + task.code + "].deadline", task.deadlinePassage, 0.9);
                if (m.find()) {
                    review("tasks[" + task.code + "].deadline", paragraph.part(m.start(), m.end()),
                            "a second deadline in the task: the first is drafted; split the task if both matter");
                }
                return;
            }
            Matcher within = WITHIN_THE_YEAR.matcher(paragraph.text());
            if (within.find()) {
                review("tasks[" + task.code + "].deadline", deadlinePhrase(paragraph, within.start(), within.end()),
                        "年内 names no year: fill in the deadline");
                return;
            }
        }
    }

    /** From the deadline to the end of what is due by it: the clause, or the next one when the deadline ends its own. */
    private static Passage deadlinePhrase(Passage paragraph, int start, int end) {
        String text = paragraph.text();
        int stop = stop(text, end);
        if (stop == end && end < text.length()) {
            stop = stop(text, end + 1);
            return paragraph.part(start, stop);
        }
        return paragraph.part(start, stop);
    }

    private static int stop(String text, int from) {
        int i = from;
        while (i < text.length() && "，,。；;并".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    /** A value a task's text sets by its deadline (到2012年12月底前，参与…编制10项以上): a target of its lead. */
    private void taskTargets(DraftTask task) {
        if (task.deadline == null || task.lead.isEmpty()) {
            return;
        }
        for (Passage paragraph : task.paragraphs) {
            for (Passage sentence : sentences(paragraph)) {
                if (!DEADLINE.matcher(sentence.text()).find()) {
                    continue;
                }
                for (Phrase phrase : TargetPhrases.ofSentence(sentence)) {
                    if (phrase.kind() == null) {
                        review("tasks[" + task.code + "]", phrase.wording(), "the clause names more than one value");
                        continue;
                    }
                    for (String unit : task.lead) {
                        addTarget(new DraftTarget(unit, null, phrase.subject(), phrase.indicatorName(), phrase.measure(),
                                task.deadline.getYear(), phrase.kind(), phrase.value(), phrase.maxValue(),
                                phrase.wording().text(), TargetSource.TEXT, phrase.wording(), 0.8));
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- decomposition tables

    /**
     * Each table cell is a target of its row's unit (a lower bound: 达到), for the indicator its column counts —
     * the prose target of the city with that industry, year, unit of measure and the 全市 row's value — and the
     * 全市 row must agree with the prose.
     */
    private void tableTargets() {
        for (DecompositionTable table : tables) {
            table.problems.forEach(p -> review("targets", null, table.measureLine.whole(), "decomposition table: " + p));
            for (int c = 0; c < table.columns.size(); c++) {
                DecompositionTable.Column column = table.columns.get(c);
                String industry = directory.industryNamed(column.label()).map(DirectoryIndustry::code).orElse(null);
                if (column.year() == null) {
                    review("targets", table.measureLine.whole(), "decomposition table: no year for column '"
                            + column.label() + "'");
                    continue;
                }
                BigDecimal total = null;
                for (DecompositionTable.Row row : table.rows) {
                    if (TOTAL_ROW.matcher(UnitDirectory.normal(row.label().text())).matches() && c < row.cells().size()) {
                        total = row.cells().get(c).value();
                    }
                }
                DraftTarget city = cityTarget(column.year(), industry, table.measure, total);
                String subject = city != null ? city.subject() : column.label() + "产业规模";
                String name = city != null ? city.indicatorName() : column.label() + "产业规模";
                if (city == null) {
                    review("targets", table.measureLine.whole(), "decomposition table: column '" + column.label() + "' "
                            + column.year() + " matches no target of the text; it is drafted as a new indicator '"
                            + name + "'");
                }
                for (DecompositionTable.Row row : table.rows) {
                    if (c >= row.cells().size() || row.cells().get(c).value() == null) {
                        continue;
                    }
                    DecompositionTable.Cell cell = row.cells().get(c);
                    boolean totalRow = TOTAL_ROW.matcher(UnitDirectory.normal(row.label().text())).matches();
                    if (totalRow && city != null) {
                        continue; // the prose states the city's target
                    }
                    String unit = totalRow ? directory.topUnit()
                            : names.find(row.label().text()).map(n -> ((NamedUnit) n).unit().code()).orElse(null);
                    addTarget(new DraftTarget(unit, industry, subject, name, table.measure, column.year(),
                            TargetKind.AT_LEAST, cell.value(), null, null, TargetSource.TABLE, cell.line().whole(), 0.95));
                }
            }
        }
    }

    private DraftTarget cityTarget(int year, String industry, String measure, BigDecimal total) {
        List<DraftTarget> candidates = targets.stream()
                .filter(t -> t.unit().equals(directory.topUnit()) && t.year() == year && t.source() == TargetSource.TEXT
                        && java.util.Objects.equals(t.industry(), industry) && t.measure().equals(measure))
                .toList();
        List<DraftTarget> equal = candidates.stream().filter(t -> total != null && t.value().compareTo(total) == 0).toList();
        if (equal.size() == 1) {
            return equal.get(0);
        }
        if (candidates.size() == 1) {
            review("targets", candidates.get(0).passage(), "the decomposition table's 全市 row says " + total
                    + " where the text says " + candidates.get(0).value());
            return candidates.get(0);
        }
        return null;
    }

    // ---------------------------------------------------------------- reporting rule, approval, appendices

    private void reportingRule(List<Line> body) {
        for (Line line : body) {
            Matcher m = REPORTING.matcher(line.text());
            if (m.find() && reporting == null) {
                Passage wording = line.passage(m.start(), stop(line.text(), m.start()));
                if (!m.group(1).equals("季度")) {
                    review("plan.reporting.frequency", wording, "reports every " + m.group(1)
                            + ": the suite runs quarterly reporting; decide the rule");
                }
                int month = m.group(2) == null ? 1 : ChineseNumerals.value(m.group(2)).orElse(1);
                OptionalInt day = ChineseNumerals.value(m.group(3));
                String recipient = unitCode(m.group(4), wording, "plan.reporting.recipientUnit");
                reporting = new ReportingRule(ReportingFrequency.QUARTERLY, month, day.isPresent() ? day.getAsInt() : null,
                        directory.zone(), recipient, wording.text());
                cite("plan.reporting", wording, 1.0);
            }
            Matcher a = APPROVAL.matcher(line.text());
            if (a.find() && approver == null) {
                approver = unitCode(a.group(1), line.passage(a.start(1), a.end(1)), "plan.approverUnit");
                cite("plan.approverUnit", line.passage(a.start(), a.end()), 0.9);
            }
        }
        if (reporting == null) {
            review("plan.reporting", null, null, "no reporting rule (每季度…日前向…报送) found: fill it in");
        }
    }

    private String unitCode(String name, Passage passage, String item) {
        Optional<Named> found = names.find(name);
        if (found.isPresent() && found.get() instanceof NamedUnit unit) {
            named.add(unit.unit());
            return unit.unit().code();
        }
        review(item, passage, "'" + name + "' is not a unit of the directory");
        return null;
    }

    private void appendices(int from) {
        List<Line> lines = source.lines;
        for (int i = from; i < lines.size(); i++) {
            Matcher m = APPENDIX.matcher(lines.get(i).text());
            if (!m.matches()) {
                if (i == from) {
                    continue; // 附件： alone on its line
                }
                break;
            }
            boolean omitted = m.group(3) != null;
            appendices.add(new AppendixEntry(Integer.parseInt(m.group(1)), m.group(2), false,
                    omitted ? "（略）in the source" : "title only in the text"));
            cite("plan.appendices[" + (appendices.size() - 1) + "]", lines.get(i).whole(), 0.9);
        }
    }

    // ---------------------------------------------------------------- the document

    private PlanDocument document() {
        Map<String, IndicatorEntry> indicators = indicators();
        List<TargetEntry> targetEntries = new ArrayList<>();
        for (DraftTarget t : targets) {
            if (t.unit() == null) {
                continue;
            }
            String indicator = indicatorKey(t);
            targetEntries.add(new TargetEntry(t.unit(), indicators.get(indicator).code(), t.year(), t.kind(), t.value(),
                    t.maxValue(), t.wording(), t.source()));
            cite("targets[" + (targetEntries.size() - 1) + "]", t.passage(), t.confidence());
        }
        List<TaskEntry> taskEntries = tasks.stream().map(t -> new TaskEntry(t.code, t.section, t.parent, t.title, null,
                t.description.isEmpty() || String.join("", t.description).isEmpty() ? null : String.join("", t.description),
                t.note == null ? null : t.note.text(), t.lead, t.coResponsible, t.deadline, t.deadlineText, null)).toList();

        Set<String> unitCodes = new LinkedHashSet<>();
        unitCodes.add(directory.topUnit());
        targetEntries.forEach(t -> unitCodes.add(t.unit()));
        taskEntries.forEach(t -> {
            unitCodes.addAll(t.lead());
            unitCodes.addAll(t.coResponsible());
        });
        if (reporting != null && reporting.recipientUnit() != null) {
            unitCodes.add(reporting.recipientUnit());
        }
        if (approver != null) {
            unitCodes.add(approver);
        }
        for (String code : List.copyOf(unitCodes)) {
            directory.unit(code).map(DirectoryUnit::parent).filter(p -> p != null).ifPresent(unitCodes::add);
        }
        List<UnitEntry> units = unitCodes.stream().sorted(Comparator.comparingInt(directory::position))
                .map(code -> directory.unit(code).map(directory::entry).orElseThrow()).toList();

        Set<String> industryCodes = new LinkedHashSet<>();
        indicators.values().forEach(i -> {
            if (i.industry() != null) {
                industryCodes.add(i.industry());
            }
        });
        List<IndustryEntry> industries = directory.industries().stream().filter(i -> industryCodes.contains(i.code()))
                .map(UnitDirectory::entry).toList();

        Integer spanFrom = null;
        Integer spanTo = null;
        if (title != null) {
            Matcher span = SPAN.matcher(title);
            if (span.find()) {
                spanFrom = Integer.parseInt(span.group(1));
                spanTo = Integer.parseInt(span.group(2));
            }
        }
        if (spanFrom == null) {
            IntSummary years = new IntSummary();
            targetEntries.forEach(t -> years.add(t.year()));
            spanFrom = years.min;
            spanTo = years.max;
            review("plan.spanFrom", null, null, "the title gives no span (（20XX―20XX年）): drafted from the targets' years");
        }
        String documentNumber = meta.get("文号");
        PlanHeader header = new PlanHeader(code(documentNumber), title, null, meta.get("信息名称"), documentNumber,
                meta.getOrDefault("发布机构", issuerLine == null ? null : issuerLine.text()), null, issuedOn,
                date(meta.get("发布日期")), meta.get("索引号"), meta.get("信息分类"), meta.get("url"),
                addressees == null ? null : addressees.text().replaceFirst("[：:]$", ""),
                preamble.isEmpty() ? null : String.join("", preamble.stream().map(Line::text).toList()), spanFrom, spanTo,
                directory.topUnit(), reporting == null ? null : reporting.recipientUnit(), approver, reporting,
                List.copyOf(goals), List.copyOf(appendices),
                List.of("Drafted from the document's text by the plan reader; reviewed and completed by the office "
                        + "before import."));
        return new PlanDocument(1, header, industries, units, List.copyOf(indicators.values()), targetEntries, taskEntries);
    }

    private static final class IntSummary {
        Integer min;
        Integer max;

        void add(int v) {
            min = min == null ? v : Math.min(min, v);
            max = max == null ? v : Math.max(max, v);
        }
    }

    /** Indicators in the order the text first counts them, coded by industry: 生物 → bio.1, bio.2, … */
    private Map<String, IndicatorEntry> indicators() {
        Map<String, IndicatorEntry> indicators = new LinkedHashMap<>();
        Map<String, Integer> perPrefix = new HashMap<>();
        for (DraftTarget t : targets) {
            String key = indicatorKey(t);
            if (t.unit() == null || indicators.containsKey(key)) {
                continue;
            }
            String prefix = t.industry() == null ? "general" : t.industry();
            int n = perPrefix.merge(prefix, 1, Integer::sum);
            String name = t.industry() == null || t.indicatorName().contains(industryName(t.industry()))
                    ? t.indicatorName() : industryName(t.industry()) + "：" + t.indicatorName();
            indicators.put(key, new IndicatorEntry(prefix + "." + n, name, null, t.industry(), t.measure(), null,
                    t.industry() == null ? null : calibers.get(t.industry()), null, null));
            review("indicators[" + (indicators.size() - 1) + "].nameEn", t.passage(),
                    "the text has no English name for '" + name + "': fill in nameEn");
        }
        return indicators;
    }

    private String industryName(String code) {
        return directory.industries().stream().filter(i -> i.code().equals(code)).map(DirectoryIndustry::nameZh)
                .findFirst().orElse(code);
    }

    private static String indicatorKey(DraftTarget t) {
        return t.industry() + "|" + t.subject() + "|" + t.measure();
    }

    /** 深府办〔2010〕98号 → szfb-2010-98, by the directory's abbreviations. */
    private String code(String documentNumber) {
        if (documentNumber != null) {
            Matcher m = DOCUMENT_NUMBER.matcher(documentNumber.replaceAll("\\s", ""));
            if (m.matches()) {
                String prefix = directory.documentPrefixes() == null ? null : directory.documentPrefixes().get(m.group(1));
                if (prefix != null) {
                    return prefix + "-" + m.group(2) + "-" + m.group(3);
                }
                review("plan.code", null, null, "the directory has no code for '" + m.group(1)
                        + "' documents: drafted as plan-" + m.group(2) + "-" + m.group(3));
                return "plan-" + m.group(2) + "-" + m.group(3);
            }
        }
        review("plan.code", null, null, "no document number (文号): choose the plan's code");
        return null;
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text.trim());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static LocalDate safeDate(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- citations and review

    private void cite(String item, Passage passage, double confidence) {
        citations.add(new Citation(item, passage.line(), passage.offset(), passage.text().length(), passage.text(),
                confidence));
    }

    private void review(String item, Passage passage, String problem) {
        review.add(new ReviewItem(item, passage == null ? null : passage.line(), passage == null ? null : passage.text(),
                problem));
    }

    private void review(String item, Integer line, Passage passage, String problem) {
        review.add(new ReviewItem(item, passage == null ? line : Integer.valueOf(passage.line()),
                passage == null ? null : passage.text(), problem));
    }
}
