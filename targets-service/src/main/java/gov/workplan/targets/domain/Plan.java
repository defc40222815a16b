package gov.workplan.targets.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/** A work plan (工作方案): the document, its span, its reporting rule and who assesses it. */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    @Id
    public String code;

    public String title;
    public String titleEn;
    public String noticeTitle;
    public String documentNumber;
    public String issuer;
    public String issuerEn;
    public LocalDate issuedOn;
    public LocalDate publishedOn;
    public String indexNumber;
    public String category;
    public String sourceUrl;
    public String addressees;
    public String preamble;

    public int spanFrom;
    public int spanTo;

    /** The unit the plan's goals are set for as a whole (the city). */
    public String topUnitCode;
    /** The office that receives reports and assesses every unit (领导小组办公室). */
    public String officeUnitCode;
    /** The body that approves assessment results (领导小组审定). */
    public String approverUnitCode;

    @Enumerated(EnumType.STRING)
    public ReportingFrequency reportingFrequency;
    /** Reports are due in this month of the following quarter (1 = its first month). */
    public int reportingDueMonth;
    /** ...before the end of this day of that month. */
    public int reportingDueDay;
    public String reportingZone;
    public String reportingRecipientCode;
    public String reportingWording;

    public String sourceChecksum;
    public Instant importedAt;
    public String importedBy;

    @ElementCollection
    @CollectionTable(name = "plan_industry", joinColumns = @JoinColumn(name = "plan_code"))
    @OrderColumn(name = "position")
    @Column(name = "industry_code")
    public List<String> industryCodes = new ArrayList<>();

    /** The units taking part in the plan, in the document's order. */
    @ElementCollection
    @CollectionTable(name = "plan_unit", joinColumns = @JoinColumn(name = "plan_code"))
    @OrderColumn(name = "position")
    @Column(name = "unit_code")
    public List<String> unitCodes = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "plan_goal", joinColumns = @JoinColumn(name = "plan_code"))
    @OrderColumn(name = "position")
    public List<Goal> goals = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "plan_appendix", joinColumns = @JoinColumn(name = "plan_code"))
    @OrderColumn(name = "position")
    public List<Appendix> appendices = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "plan_note", joinColumns = @JoinColumn(name = "plan_code"))
    @OrderColumn(name = "position")
    @Column(name = "text")
    public List<String> notes = new ArrayList<>();

    /** A qualitative goal of a year, as the plan words it. */
    @Embeddable
    public static class Goal {
        public int year;
        public String statement;
    }

    /** An appendix the document lists, and whether its content is part of the loaded data. */
    @Embeddable
    public static class Appendix {
        public int number;
        public String title;
        public boolean included;
        public String note;
    }
}
