-- Every column that stores a field of targets-service's events is at least as wide as the contract's
-- limit (gov.workplan.contracts.ContractField): indicator names up to 300 characters and industry
-- names up to 200 were accepted by targets-service and parked here. A task without a title is stored
-- by its description, which may be 20,000 characters.
alter table indicator alter column name_zh type varchar(300);
alter table plan_industry alter column name_zh type varchar(200);
alter table plan_industry alter column name_en type varchar(200);
alter table task alter column title type varchar(20000);
