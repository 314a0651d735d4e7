-- A tamper-evident audit trail (issue 16): each entry carries a SHA-256 over its canonical content and the previous
-- entry's hash of the same pilot (AuditChain); entries written before this version are chained at start-up.
alter table pilot_event add column previous_hash varchar(64);
alter table pilot_event add column entry_hash varchar(64);
-- The verification's findings: the first entry where a pilot's chain breaks, as the last run found it.
create table audit_chain_break (
    pilot_id     bigint       not null primary key,
    entry_id     bigint       not null,
    problem      varchar(200) not null,
    detected_at  timestamp(6) with time zone not null,
    constraint fk_audit_chain_break_pilot foreign key (pilot_id) references pilot (id)
);
