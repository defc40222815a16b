-- The annual assessment (年度考核): official statistics, the year's scheme, the office's judged, bonus,
-- penalty and veto entries, each unit's chief official, the live annual assessments, and the annual results
-- with their objections (申诉). Inputs are versioned rows, never updated: every change is a new row, and who
-- did what, when and why stays.

-- Official year-end values (统计局核定数), one row per version.
create table official_statistic (
    id             bigint generated always as identity primary key,
    plan_code      varchar(64)    not null,
    year           int            not null,
    unit_code      varchar(64)    not null,
    indicator_code varchar(100)   not null,
    version        int            not null,
    value          numeric(22, 4) not null,
    source         varchar(200)   not null,
    source_date    date           not null,
    note           varchar(2000),
    recorded_by    varchar(200)   not null,
    recorded_at    timestamptz    not null,
    unique (plan_code, year, unit_code, indicator_code, version)
);

-- Annual schemes are versioned, never edited, like the quarterly ones.
create sequence annual_scheme_seq increment by 50;
create table annual_scheme (
    id             bigint       primary key,
    plan_code      varchar(64)  not null,
    category       varchar(20)  not null,
    version        int          not null,
    effective_year int          not null,
    rules          text         not null,
    note           varchar(2000),
    created_at     timestamptz  not null,
    created_by     varchar(200) not null,
    unique (plan_code, category, version)
);

-- The office's entries for a scheme's items (judged points, bonus, penalty, veto): the latest row of a
-- (plan, year, unit, item) is the one that counts; a withdrawal is a row too.
create table annual_item_entry (
    id         bigint generated always as identity primary key,
    plan_code  varchar(64)    not null,
    year       int            not null,
    unit_code  varchar(64)    not null,
    item_code  varchar(20)    not null,
    kind       varchar(10)    not null,
    points     numeric(10, 4),
    reason     varchar(2000)  not null,
    evidence   varchar(500),
    withdrawn  boolean        not null,
    entered_by varchar(200)   not null,
    entered_at timestamptz    not null
);
create index annual_item_entry_unit on annual_item_entry (plan_code, year, unit_code, item_code, id);

-- A unit's chief official (行政主要领导) over time; a change within a year is a new row.
create table chief_official (
    id          bigint generated always as identity primary key,
    unit_code   varchar(64)  not null,
    name        varchar(100) not null,
    post        varchar(200) not null,
    from_date   date         not null,
    to_date     date,
    recorded_by varchar(200) not null,
    recorded_at timestamptz  not null
);
create index chief_official_unit on chief_official (unit_code, from_date);

-- Derived: each unit's live annual assessment, recomputed when anything it depends on changes.
create table annual_assessment (
    plan_code   varchar(64)    not null,
    year        int            not null,
    unit_code   varchar(64)    not null,
    category    varchar(20)    not null,
    score       numeric(10, 4) not null,
    vetoed      boolean        not null,
    breakdown   text           not null,
    computed_at timestamptz    not null,
    primary key (plan_code, year, unit_code)
);

-- Annual results: frozen → approved (审定) → notified to the units → objections ruled → published. A result
-- corrected after an upheld objection is a new version; the earlier one stays, superseded.
create table annual_result (
    id                     uuid         primary key,
    plan_code              varchar(64)  not null,
    year                   int          not null,
    version                int          not null,
    status                 varchar(20)  not null,
    snapshot               text         not null,
    reason                 varchar(2000),
    frozen_at              timestamptz  not null,
    frozen_by              varchar(200) not null,
    approved_at            timestamptz,
    approved_by            varchar(200),
    notified_at            timestamptz,
    notified_by            varchar(200),
    objections_close_at    timestamptz,
    published_at           timestamptz,
    published_by           varchar(200),
    superseded_by          uuid,
    unique (plan_code, year, version)
);

-- A unit's objection (申诉) to one line of its result, and the office's ruling.
create table objection (
    id         uuid          primary key,
    result_id  uuid          not null references annual_result (id),
    plan_code  varchar(64)   not null,
    year       int           not null,
    unit_code  varchar(64)   not null,
    line       varchar(140)  not null,
    reason     varchar(2000) not null,
    evidence   varchar(500),
    filed_by   varchar(200)  not null,
    filed_at   timestamptz   not null,
    status     varchar(10)   not null,
    ruling     varchar(2000),
    ruled_by   varchar(200),
    ruled_at   timestamptz
);
create index objection_cycle on objection (plan_code, year, unit_code);
