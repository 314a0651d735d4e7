-- The phase or stage whose gate the pilot passed last: a pilot enters the next step, or production, only
-- once the current step's gate is passed (Pilot.enterStep, Pilot.reachProduction).
alter table pilot add column gate_passed_step varchar(64);
