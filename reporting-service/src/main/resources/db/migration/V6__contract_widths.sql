-- Every column that stores a field of targets-service's events is at least as wide as the contract's
-- limit (gov.workplan.contracts.ContractField): an indicator name of 201–300 characters, accepted by
-- targets-service, was parked here and the plan's copy lost that indicator. A task without a title
-- is stored by its description, which may be 20,000 characters.
alter table indicator alter column name_zh type varchar(300);
alter table indicator alter column name_en type varchar(300);
alter table task alter column title type varchar(20000);
