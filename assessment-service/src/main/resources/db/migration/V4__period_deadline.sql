-- When each period's reporting closes, as reporting-service's events say (every report and overdue event
-- carries the period's deadline): a result can be frozen only after it, while no unit can still report.
create table period_deadline (
    plan_code   varchar(64) not null,
    period_code varchar(10) not null,
    deadline    timestamptz not null,
    primary key (plan_code, period_code)
);
