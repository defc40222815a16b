package gov.workplan.targets.domain.draft;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.workplan.targets.domain.draft.SourceText.Line;

/**
 * A target decomposition table (目标分解表) as a text copy of the document carries it: a 单位：亿元 line, the
 * years, the column labels (industries, repeated per year), then each row's label (a unit, or 全市) followed by
 * one value per column, every cell on a line of its own.
 */
final class DecompositionTable {

    static final Pattern MEASURE = Pattern.compile("^单位[:：]\\s*(\\S+)$");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})年$");
    private static final Pattern NUMBER = Pattern.compile("^\\d+(?:\\.\\d+)?$");
    private static final Pattern EMPTY_CELL = Pattern.compile("^[-—―–－/]$");

    record Column(Integer year, String label) {
    }

    record Row(Line label, List<Cell> cells) {
    }

    record Cell(Line line, BigDecimal value) {
    }

    final Line measureLine;
    final String measure;
    final List<Column> columns = new ArrayList<>();
    final List<Row> rows = new ArrayList<>();
    /** Index of the first line after the table. */
    int end;
    /** Problems of shape, each with the line it is about. */
    final List<String> problems = new ArrayList<>();

    private DecompositionTable(Line measureLine, String measure) {
        this.measureLine = measureLine;
        this.measure = measure;
    }

    /** The table starting at {@code start} (its 单位 line), or null if what follows is not a table. */
    static DecompositionTable read(List<Line> lines, int start, java.util.function.Predicate<String> isRowLabel) {
        Matcher unit = MEASURE.matcher(lines.get(start).text());
        if (!unit.matches()) {
            return null;
        }
        DecompositionTable table = new DecompositionTable(lines.get(start), unit.group(1));
        int i = start + 1;
        List<Integer> years = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.blank()) {
                continue;
            }
            Matcher year = YEAR.matcher(line.text());
            if (year.matches() && labels.isEmpty()) {
                years.add(Integer.parseInt(year.group(1)));
            } else if (!isRowLabel.test(line.text()) && !NUMBER.matcher(line.text()).matches() && cellLike(line)) {
                labels.add(line.text());
            } else {
                break;
            }
        }
        if (labels.isEmpty()) {
            return null;
        }
        boolean even = !years.isEmpty() && labels.size() % years.size() == 0;
        if (!years.isEmpty() && !even) {
            table.problems.add(labels.size() + " column labels do not divide among " + years.size() + " years");
        }
        int perYear = even ? labels.size() / years.size() : labels.size();
        for (int c = 0; c < labels.size(); c++) {
            table.columns.add(new Column(even ? years.get(c / perYear) : null, labels.get(c)));
        }
        while (i < lines.size()) {
            Line line = lines.get(i);
            if (line.blank()) {
                i++;
                continue;
            }
            if (!isRowLabel.test(line.text()) || !cellLike(line)) {
                break;
            }
            List<Cell> cells = new ArrayList<>();
            int j = i + 1;
            while (j < lines.size() && cells.size() < labels.size()) {
                Line cell = lines.get(j);
                if (NUMBER.matcher(cell.text()).matches()) {
                    cells.add(new Cell(cell, new BigDecimal(cell.text())));
                } else if (EMPTY_CELL.matcher(cell.text()).matches()) {
                    cells.add(new Cell(cell, null));
                } else if (!cell.blank()) {
                    break;
                }
                j++;
            }
            if (cells.size() != labels.size()) {
                table.problems.add("row '" + line.text() + "' (line " + line.number() + ") has " + cells.size()
                        + " values for " + labels.size() + " columns");
            }
            table.rows.add(new Row(line, cells));
            i = j;
        }
        table.end = i;
        return table;
    }

    /** Table cells are short and unindented; an indented line is the document's running text again. */
    private static boolean cellLike(Line line) {
        return line.text().length() <= 20 && !line.raw().startsWith("\u3000");
    }
}
