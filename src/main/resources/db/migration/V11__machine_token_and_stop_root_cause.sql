-- Machine tokens: signed bearer tokens (JWT) the application issues to a named service account with scopes.
-- Each issued token is a row (its id is the token's jti); a token is accepted only while its row exists, is not
-- revoked and has not expired. The token itself is never stored.
create table machine_token (
    id               varchar(36)  not null primary key,
    service_account  varchar(64)  not null,
    scopes           varchar(200) not null,
    description      varchar(500),
    issued_by        varchar(64)  not null,
    issued_at        timestamp(6) with time zone not null,
    expires_at       timestamp(6) with time zone not null,
    revoked_by       varchar(64),
    revoked_at       timestamp(6) with time zone,
    constraint ck_machine_token_expiry check (issued_at < expires_at)
);
create index ix_machine_token_account on machine_token (service_account);

-- Why a pilot was stopped: one of the six root causes the frameworks name (framework.RootCause), or OTHER with a
-- text; when it was stopped (or withdrawn). Pilots stopped before this migration keep no root cause.
alter table pilot add column stop_root_cause varchar(32);
alter table pilot add column stop_root_cause_text varchar(500);
alter table pilot add column stopped_at timestamp(6) with time zone;
create index ix_pilot_stop_root_cause on pilot (stop_root_cause, business_unit, stopped_at);
