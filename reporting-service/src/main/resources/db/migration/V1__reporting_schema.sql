-- reporting-service: its own copy of the plan (built from workplan.targets events), information
-- officers (信息员), reports (报送) with every version, idempotency records and overdue notices.
-- Reports change state, but every content and state they have had is kept in report_version.

create table plan (
    code                      varchar(64)  primary key,
    title                     varchar(500) not null,
    span_from                 int          not null,
    span_to                   int          not null,
    office_unit_code          varchar(64)  not null,
    frequency                 varchar(20)  not null,
    due_month_of_next_quarter int          not null,
    due_day_of_month          int          not null,
    zone                      varchar(64)  not null,
    updated_at                timestamptz  not null
);

create table unit (
    code        varchar(64)  primary key,
    name_zh     varchar(200) not null,
    name_en     varchar(200) not null,
    category    varchar(20)  not null,
    parent_code varchar(64)
);

create table indicator (
    plan_code       varchar(64)  not null references plan (code),
    code            varchar(100) not null,
    position        int          not null,
    name_zh         varchar(200) not null,
    name_en         varchar(200),
    unit_of_measure varchar(50)  not null,
    primary key (plan_code, code)
);

create table target (
    plan_code      varchar(64)    not null references plan (code),
    unit_code      varchar(64)    not null references unit (code),
    indicator_code varchar(100)   not null,
    year           int            not null,
    kind           varchar(20)    not null,
    value          numeric(22, 4) not null,
    max_value      numeric(22, 4),
    revision       int            not null,
    primary key (plan_code, unit_code, indicator_code, year),
    foreign key (plan_code, indicator_code) references indicator (plan_code, code)
);

create table task (
    plan_code  varchar(64)  not null references plan (code),
    code       varchar(40)  not null,
    position   int          not null,
    title      varchar(2000),
    deadline   date,
    primary key (plan_code, code)
);

create table task_responsibility (
    plan_code varchar(64) not null,
    task_code varchar(40) not null,
    unit_code varchar(64) not null references unit (code),
    role      varchar(20) not null,
    primary key (plan_code, task_code, unit_code),
    foreign key (plan_code, task_code) references task (plan_code, code)
);
create index task_responsibility_unit on task_responsibility (plan_code, unit_code);

create sequence information_officer_seq increment by 50;
create table information_officer (
    id            bigint       primary key,
    unit_code     varchar(64)  not null references unit (code),
    name          varchar(100) not null,
    phone         varchar(40)  not null,
    email         varchar(200) not null,
    registered_at timestamptz  not null,
    registered_by varchar(200) not null
);
create index information_officer_unit on information_officer (unit_code);

create table report (
    id             uuid         primary key,
    plan_code      varchar(64)  not null references plan (code),
    period_code    varchar(10)  not null,
    unit_code      varchar(64)  not null references unit (code),
    status         varchar(20)  not null,
    version        int          not null,
    content        text         not null,
    warnings       text         not null,
    first_submitted_at timestamptz,
    timeliness     varchar(10),
    late_by_seconds bigint,
    imported       boolean      not null,
    created_at     timestamptz  not null,
    created_by     varchar(200) not null,
    updated_at     timestamptz  not null,
    unique (plan_code, period_code, unit_code)
);
create index report_status on report (plan_code, period_code, status);

-- Every version of every report: drafts, submissions, reviews, corrections. Append-only.
create sequence report_version_seq increment by 50;
create table report_version (
    id          bigint       primary key,
    report_id   uuid         not null references report (id),
    version     int          not null,
    action      varchar(20)  not null,
    status      varchar(20)  not null,
    content     text         not null,
    warnings    text         not null,
    reason      varchar(2000),
    actor       varchar(200) not null,
    at          timestamptz  not null,
    timeliness  varchar(10),
    late_by_seconds bigint,
    unique (report_id, version)
);

-- A retried submit with the same Idempotency-Key finds the submission it already made.
create table idempotency_record (
    report_id  uuid         not null references report (id),
    key        varchar(200) not null,
    version    int          not null,
    created_at timestamptz  not null,
    primary key (report_id, key)
);

-- One overdue notice per plan, period and unit, ever: the unique key makes it exactly once.
create table overdue_notice (
    plan_code   varchar(64) not null,
    period_code varchar(10) not null,
    unit_code   varchar(64) not null,
    noticed_at  timestamptz not null,
    primary key (plan_code, period_code, unit_code)
);
