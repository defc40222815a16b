-- targets-service: plans (工作方案), units (责任单位), indicators, targets (目标) and tasks (任务).
-- Nothing here is ever updated in place except a target's current value, whose every change is kept
-- in target_revision; nothing is deleted.

create table industry (
    code    varchar(64)  primary key,
    name_zh varchar(200) not null,
    name_en varchar(200) not null
);

create table unit (
    code        varchar(64)  primary key,
    ordinal     bigint       not null,
    name_zh     varchar(200) not null,
    name_en     varchar(200) not null,
    category    varchar(20)  not null,
    parent_code varchar(64)  references unit (code)
);
create index unit_parent on unit (parent_code);

create table plan (
    code                      varchar(64)   primary key,
    title                     varchar(500)  not null,
    title_en                  varchar(500),
    notice_title              varchar(500),
    document_number           varchar(100),
    issuer                    varchar(200),
    issuer_en                 varchar(200),
    issued_on                 date,
    published_on              date,
    index_number              varchar(100),
    category                  varchar(100),
    source_url                varchar(1000),
    addressees                varchar(500),
    preamble                  text,
    span_from                 int           not null,
    span_to                   int           not null,
    top_unit_code             varchar(64)   not null references unit (code),
    office_unit_code          varchar(64)   not null references unit (code),
    approver_unit_code        varchar(64)   references unit (code),
    reporting_frequency       varchar(20)   not null,
    reporting_due_month       int           not null,
    reporting_due_day         int           not null,
    reporting_zone            varchar(64)   not null,
    reporting_recipient_code  varchar(64)   not null references unit (code),
    reporting_wording         varchar(1000),
    source_checksum           varchar(64)   not null,
    imported_at               timestamptz   not null,
    imported_by               varchar(200)  not null
);

create table plan_industry (
    plan_code     varchar(64) not null references plan (code),
    position      int         not null,
    industry_code varchar(64) not null references industry (code),
    primary key (plan_code, position)
);

create table plan_unit (
    plan_code varchar(64) not null references plan (code),
    position  int         not null,
    unit_code varchar(64) not null references unit (code),
    primary key (plan_code, position),
    unique (plan_code, unit_code)
);

create table plan_goal (
    plan_code varchar(64) not null references plan (code),
    position  int         not null,
    year      int         not null,
    statement text        not null,
    primary key (plan_code, position)
);

create table plan_appendix (
    plan_code varchar(64)  not null references plan (code),
    position  int          not null,
    number    int          not null,
    title     varchar(500) not null,
    included  boolean      not null,
    note      varchar(1000),
    primary key (plan_code, position)
);

create table plan_note (
    plan_code varchar(64) not null references plan (code),
    position  int         not null,
    text      text        not null,
    primary key (plan_code, position)
);

-- Every plan document as it was imported, byte for byte: what an auditor compares against.
create sequence plan_import_seq increment by 50;
create table plan_import (
    id          bigint       primary key,
    plan_code   varchar(64)  not null references plan (code),
    checksum    varchar(64)  not null,
    imported_at timestamptz  not null,
    imported_by varchar(200) not null,
    document    text         not null
);

create sequence indicator_seq increment by 50;
create table indicator (
    id                 bigint        primary key,
    plan_code          varchar(64)   not null references plan (code),
    code               varchar(100)  not null,
    position           int           not null,
    name_zh            varchar(300)  not null,
    name_en            varchar(300)  not null,
    industry_code      varchar(64)   references industry (code),
    unit_of_measure    varchar(50)   not null,
    unit_of_measure_en varchar(50),
    caliber            varchar(30),
    description        varchar(2000),
    unique (plan_code, code)
);

-- An indicator that is the sum of others (e.g. scale.total of the three industries' scales).
create table indicator_component (
    indicator_id   bigint       not null references indicator (id),
    position       int          not null,
    component_code varchar(100) not null,
    primary key (indicator_id, position)
);

create sequence target_seq increment by 50;
create table target (
    id                 bigint         primary key,
    plan_code          varchar(64)    not null references plan (code),
    unit_code          varchar(64)    not null references unit (code),
    indicator_id       bigint         not null references indicator (id),
    year               int            not null,
    kind               varchar(20)    not null,
    value              numeric(22, 4) not null,
    max_value          numeric(22, 4),
    wording            varchar(500),
    source             varchar(20)    not null,
    revision           int            not null,
    baseline_kind      varchar(20)    not null,
    baseline_value     numeric(22, 4) not null,
    baseline_max_value numeric(22, 4),
    updated_at         timestamptz    not null,
    unique (plan_code, unit_code, indicator_id, year)
);
create index target_indicator_year on target (indicator_id, year);
create index target_unit on target (unit_code);

-- Revision 0 is the baseline from the plan document; every amendment adds one. Append-only.
create sequence target_revision_seq increment by 50;
create table target_revision (
    id          bigint         primary key,
    target_id   bigint         not null references target (id),
    revision    int            not null,
    kind        varchar(20)    not null,
    value       numeric(22, 4) not null,
    max_value   numeric(22, 4),
    reason      varchar(2000)  not null,
    changed_by  varchar(200)   not null,
    changed_at  timestamptz    not null,
    unique (target_id, revision)
);

create sequence task_seq increment by 50;
create table task (
    id                bigint        primary key,
    plan_code         varchar(64)   not null references plan (code),
    code              varchar(32)   not null,
    position          int           not null,
    parent_code       varchar(32),
    section           int           not null,
    title             varchar(300),
    title_en          varchar(300),
    description       text,
    responsible_text  varchar(1000),
    deadline          date,
    deadline_text     varchar(500),
    note              varchar(2000),
    unique (plan_code, code)
);

-- Lead (牵头) and co-responsible (配合) units of a task, in the order the text names them.
create table task_responsibility (
    task_id   bigint      not null references task (id),
    position  int         not null,
    unit_code varchar(64) not null references unit (code),
    role      varchar(10) not null,
    primary key (task_id, position),
    unique (task_id, unit_code)
);
create index task_responsibility_unit on task_responsibility (unit_code);
