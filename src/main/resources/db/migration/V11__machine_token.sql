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
