-- A city's directory of responsible units (单位名录), kept by its office as data: every save is a new version,
-- the earlier ones stay (who changed a unit's names, and when, is part of the record).
create table unit_directory_version (
    code      varchar(64)  not null,
    version   int          not null,
    document  text         not null,
    saved_at  timestamptz  not null,
    saved_by  varchar(200) not null,
    primary key (code, version)
);

-- A plan may now be imported from a workbook as well as from JSON: what the kept bytes are.
alter table plan_import add column media_type varchar(100) not null default 'application/json';
