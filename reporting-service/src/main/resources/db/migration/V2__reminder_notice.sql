-- One due-soon reminder per plan, period and unit, ever: the key makes it exactly once, like overdue_notice.
create table reminder_notice (
    plan_code   varchar(64) not null,
    period_code varchar(10) not null,
    unit_code   varchar(64) not null,
    noticed_at  timestamptz not null,
    primary key (plan_code, period_code, unit_code)
);
