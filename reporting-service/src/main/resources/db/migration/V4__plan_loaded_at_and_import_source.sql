-- History imports cannot rewrite what the system saw: a plan's periods whose deadline passed after the
-- plan was loaded here were watched by this system (reminders, overdue notices, compliance), so their
-- reports are made here, never imported. loaded_at is when targets-service registered the plan (its
-- plan.registered event), the same however often the events are replayed; existing copies take the
-- time of their last registration, the nearest they have.
alter table plan add column loaded_at timestamptz;
update plan set loaded_at = updated_at;
alter table plan alter column loaded_at set not null;

-- An imported report says where it came from (e.g. the archive file or the OA document number).
alter table report_version add column source_reference varchar(500);
