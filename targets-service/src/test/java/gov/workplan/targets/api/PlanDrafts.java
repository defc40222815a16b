package gov.workplan.targets.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Texts and directories for the plan reader's tests. */
final class PlanDrafts {

    private PlanDrafts() {
    }

    static String resource(String path) {
        try (InputStream in = PlanDrafts.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String seedText() {
        return resource("seed/szfb-2010-98.source.txt");
    }

    /** A directory of two units and a group: enough for a city's name resolution to be tested. */
    static String smallDirectory() {
        return """
                {"topUnit": "access-city", "zone": "Asia/Shanghai", "documentPrefixes": {"测府": "cf"},
                 "industries": [{"code": "bio", "nameZh": "生物", "nameEn": "Biotech"}],
                 "units": [
                   {"code": "access-city", "nameZh": "测试市", "nameEn": "Test City", "category": "CITY", "aliases": []},
                   {"code": "access-dept", "nameZh": "测试市某局", "nameEn": "A Bureau", "category": "DEPARTMENT",
                    "aliases": ["某局全称"]}],
                 "groups": [{"name": "市直各部门", "aliases": [], "members": [], "categoryNamedInPlan": "DEPARTMENT"}]}
                """;
    }
}
