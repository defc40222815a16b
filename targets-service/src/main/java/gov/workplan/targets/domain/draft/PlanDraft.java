package gov.workplan.targets.domain.draft;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.workplan.targets.domain.PlanDocument;

/**
 * A plan read from a document's text: not a plan until the office has reviewed it and imported it. Every item
 * drafted cites the passage it came from; what the reader could not resolve is on the review list, never guessed.
 */
@Schema(name = "PlanDraft")
public record PlanDraft(
        @Schema(description = "The draft in the import format (POST /api/v1/plans once reviewed).") PlanDocument plan,
        @Schema(description = "Where each drafted item came from, and how sure the reader is.") List<Citation> citations,
        @Schema(description = "What the office must decide or fill in before importing.") List<ReviewItem> review) {

    /**
     * @param item       the drafted item: {@code plan.reporting}, {@code targets[3]}, {@code tasks[3.1.1].lead}
     * @param line       1-based line of the text
     * @param offset     0-based character offset of the passage in the whole text
     * @param confidence 1.0 when the text states it in the form the reader knows; lower when inferred
     */
    @Schema(name = "DraftCitation")
    public record Citation(String item, int line, int offset, int length, String passage, double confidence) {
    }

    @Schema(name = "DraftReviewItem")
    public record ReviewItem(String item, Integer line, String passage, String problem) {
    }
}
