package gov.workplan.assessment.domain.annual;

/** The grades (等次) of the annual assessment, best first. */
public enum Grade {
    EXCELLENT("优秀", "Excellent"),
    GOOD("良好", "Good"),
    PASS("合格", "Pass"),
    FAIL("不合格", "Fail");

    private final String zh;
    private final String en;

    Grade(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** The next grade down; FAIL stays FAIL. */
    public Grade lower() {
        return this == FAIL ? FAIL : values()[ordinal() + 1];
    }
}
