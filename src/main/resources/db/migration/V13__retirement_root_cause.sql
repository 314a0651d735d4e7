-- Why a pilot was retired (issue 15, "Why pilots end"): the retirement decision names one of the six root causes the
-- frameworks name (framework.RootCause, the stops' vocabulary), or OTHER with a text. Pilots retired before this
-- migration keep no root cause. The portfolio's distribution reads it with the stops' root causes.
alter table pilot add column retirement_root_cause varchar(32);
alter table pilot add column retirement_root_cause_text varchar(500);
create index ix_pilot_retirement_root_cause on pilot (retirement_root_cause, business_unit, retired_at);
