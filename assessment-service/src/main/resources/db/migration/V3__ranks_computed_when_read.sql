-- Ranks are computed from unit_assessment when read (Rankings.of): a report writes its unit's score
-- only, instead of rewriting the rank of every unit of its category. ranking_entry held nothing else:
-- it was derived from unit_assessment and rebuilt at will; what an auditor needs of a ranking is the
-- frozen, approved snapshot in assessment_result, which stays.
drop table ranking_entry;

-- A unit's rank is 1 + the units of its category scoring higher: one index range.
create index unit_assessment_by_score on unit_assessment (plan_code, period_code, category, score);
