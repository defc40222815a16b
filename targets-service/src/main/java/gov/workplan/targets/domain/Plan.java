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
    @Column(name = "title_en")
    public String titleEn;
    @Column(name = "notice_title")
    public String noticeTitle;
    @Column(name = "document_number")
    public String documentNumber;
    public String issuer;
    @Column(name = "issuer_en")
    public String issuerEn;
    @Column(name = "issued_on")
    public LocalDate issuedOn;
    @Column(name = "published_on")
    public LocalDate publishedOn;
    @Column(name = "index_number")
    public String indexNumber;
    public String category;
    @Column(name = "source_url")
    public String sourceUrl;
    public String addressees;
    public String preamble;

    @Column(name = "span_from")
    public int spanFrom;
    @Column(name = "span_to")
    public int spanTo;

    /** The unit the plan's goals are set for as a whole (the city). */
    @Column(name = "top_unit_code")
    public String topUnitCode;
    /** The office that receives reports and assesses every unit (领导小组办公室). */
    @Column(name = "office_unit_code")
    public String officeUnitCode;
    /** The body that approves assessment results (领导小组审定). */
    @Column(name = "approver_unit_code")
    public String approverUnitCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "reporting_frequency")
    public ReportingFrequency reportingFrequency;
    /** Reports are due in this month of the following quarter (1 = its first month). */
    @Column(name = "reporting_due_month")
    public int reportingDueMonth;
    /** ...before the end of this day of that month. */
    @Column(name = "reporting_due_day")
    public int reportingDueDay;
    @Column(name = "reporting_zone")
    public String reportingZone;
    @Column(name = "reporting_recipient_code")
    public String reportingRecipientCode;
    @Column(name = "reporting_wording")
    public String reportingWording;

    @Column(name = "source_checksum")
    public String sourceChecksum;
    @Column(name = "imported_at")
    public Instant importedAt;
    @Column(name = "imported_by")
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
