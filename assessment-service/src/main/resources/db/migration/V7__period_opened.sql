-- When each period's reporting window opened, as reporting-service's period.opened says: from then the period is
-- assessed (every unit's standing computed before its first report) and is one of the plan's active periods.
alter table period_deadline add column opened_at timestamptz;
