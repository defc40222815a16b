-- Four eyes on accepted figures: a unit's correction of an accepted report is a request the office
-- accepts or returns. Until then the accepted content keeps counting; the proposal waits here (and in
-- its own report_version row, action REQUEST_CORRECTION).
alter table report add column proposed_content  text;
alter table report add column proposed_warnings text;
alter table report add column proposed_reason   varchar(2000);
alter table report add column proposed_by       varchar(200);
alter table report add column proposed_at       timestamptz;
