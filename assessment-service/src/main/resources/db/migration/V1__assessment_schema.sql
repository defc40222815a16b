-- assessment-service: its own store of plans, targets, tasks and reports (built from workplan.targets
-- and workplan.reporting events), assessment schemes (考核方案) as versioned data, and the results
-- computed from them: unit assessments, rankings (排名), and frozen, approved, published results.

create table plan (
    code                      varchar(64) primary key,
    title                     varchar(500) not null,
    span_from                 int         not null,
    span_to                   int         not null
);

create table unit (
    code     varchar(64)  primary key,
    name_zh  varchar(200) not null,
    category varchar(20)  not null
);

create table indicator (
    plan_code       varchar(64)  not null references plan (code),
    code            varchar(100) not null,
    position        int          not null,
    name_zh         varchar(200) not null,
    industry        varchar(64),
    unit_of_measure varchar(50)  not null,
    primary key (plan_code, code)
);

create table target (
    plan_code      varchar(64)    not null,
    unit_code      varchar(64)    not null,
    indicator_code varchar(100)   not null,
    year           int            not null,
    kind           varchar(20)    not null,
    value          numeric(22, 4) not null,
    max_value      numeric(22, 4),
    revision       int            not null,
    primary key (plan_code, unit_code, indicator_code, year)
);

create table task (
    plan_code varchar(64)   not null,
    code      varchar(40)   not null,
    title     varchar(2000),
    deadline  date,
    primary key (plan_code, code)
);

create table task_responsibility (
    plan_code varchar(64) not null,
    task_code varchar(40) not null,
    unit_code varchar(64) not null,
    role      varchar(20) not null,
    primary key (plan_code, task_code, unit_code)
);

-- The latest version of every report, as reporting-service announced it.
create table report (
    report_id          uuid        primary key,
    plan_code          varchar(64) not null,
    period_code        varchar(10) not null,
    unit_code          varchar(64) not null,
    status             varchar(20) not null,
    version            int         not null,
    content            text        not null,
    timeliness         varchar(10),
    late_by_seconds    bigint,
    first_submitted_at timestamptz,
    imported           boolean     not null,
    unique (plan_code, period_code, unit_code)
);

create table overdue (
    plan_code   varchar(64) not null,
    period_code varchar(10) not null,
    unit_code   varchar(64) not null,
    primary key (plan_code, period_code, unit_code)
);

-- Schemes are versioned, never edited: a change is a new version effective from a period.
create sequence scheme_seq increment by 50;
create table scheme (
    id             bigint       primary key,
    plan_code      varchar(64)  not null,
    category       varchar(20)  not null,
    version        int          not null,
    effective_from varchar(10)  not null,
    rules          text         not null,
    note           varchar(2000),
    created_at     timestamptz  not null,
    created_by     varchar(200) not null,
    unique (plan_code, category, version)
);

-- Derived: recomputed from the store above whenever what they depend on changes.
create table unit_assessment (
    plan_code   varchar(64)    not null,
    period_code varchar(10)    not null,
    unit_code   varchar(64)    not null,
    category    varchar(20)    not null,
    score       numeric(10, 4) not null,
    breakdown   text           not null,
    computed_at timestamptz    not null,
    primary key (plan_code, period_code, unit_code)
);

create table ranking_entry (
    plan_code   varchar(64)    not null,
    period_code varchar(10)    not null,
    category    varchar(20)    not null,
    unit_code   varchar(64)    not null,
    score       numeric(10, 4) not null,
    rank        int            not null,
    movement    int,
    primary key (plan_code, period_code, category, unit_code)
);

-- Frozen results (考核结果): immutable snapshots, approved by the leading group, then published.
create table assessment_result (
    id           uuid         primary key,
    plan_code    varchar(64)  not null,
    period_code  varchar(10)  not null,
    year         int          not null,
    status       varchar(20)  not null,
    snapshot     text         not null,
    frozen_at    timestamptz  not null,
    frozen_by    varchar(200) not null,
    approved_at  timestamptz,
    approved_by  varchar(200),
    published_at timestamptz,
    published_by varchar(200)
);
create index assessment_result_plan on assessment_result (plan_code, year, status);
