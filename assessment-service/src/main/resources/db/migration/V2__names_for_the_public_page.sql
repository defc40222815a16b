-- The public results page speaks Chinese and English: the plan's English title, units' English names and
-- the plan's industries, all carried by targets' events (plan.registered, unit.registered). Stores built
-- before this version fill in as those events are replayed; until then the page falls back to codes.
alter table plan add column title_en varchar(500);
alter table unit add column name_en varchar(200);

create table plan_industry (
    plan_code varchar(64)  not null references plan (code),
    code      varchar(64)  not null,
    position  int          not null,
    name_zh   varchar(100) not null,
    name_en   varchar(100),
    primary key (plan_code, code)
);
