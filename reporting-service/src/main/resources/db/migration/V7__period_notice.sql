-- One period.opened per plan and period, ever: the key makes it exactly once across restarts and replicas,
-- like reminder_notice and overdue_notice.
create table period_notice (
    plan_code   varchar(64) not null,
    period_code varchar(10) not null,
    noticed_at  timestamptz not null,
    primary key (plan_code, period_code)
);
