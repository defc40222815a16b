-- A task code may have four parts of up to eight characters (2.1.3.10 …), 35 characters in all, and the
-- consumers store 40 (gov.workplan.contracts.ContractField.TASK_CODE): targets' own 32 was the narrowest.
alter table task alter column code type varchar(40);
alter table task alter column parent_code type varchar(40);
