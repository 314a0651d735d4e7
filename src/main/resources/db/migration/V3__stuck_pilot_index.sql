-- The stuck list asks for active pilots whose current phase or stage is past its due date.
create index ix_pilot_status_step_due on pilot (status, step_due_at);
