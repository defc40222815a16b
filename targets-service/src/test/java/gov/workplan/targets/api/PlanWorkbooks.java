package gov.workplan.targets.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import gov.workplan.targets.SeedDocument;
import gov.workplan.targets.domain.PlanDocument;

/** Plan workbooks for tests: a plan document written as the office's workbook. */
final class PlanWorkbooks {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PlanWorkbooks() {
    }

    static PlanDocument document(ObjectNode tree) {
        return JSON.convertValue(tree, PlanDocument.class);
    }

    static byte[] workbookOf(ObjectNode tree) {
        return PlanWorkbook.write(document(tree));
    }

    static byte[] seedWorkbook() {
        return workbookOf(SeedDocument.tree());
    }
}
