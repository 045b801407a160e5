-- What field sales did with each opportunity (from themodel.deal.v1): valid, rejected with the
-- reason and the gap to the handoff comment, won or lost. Open ones are the field rep's load.
create table handoff_outcome (
    opportunity_id  uuid primary key,
    lead_id         uuid,
    field_rep       text,
    status          text        not null,
    opened_at       timestamptz,
    decided_by      text,
    decided_at      timestamptz,
    reason          text,
    handoff_gap     text,
    closed_at       timestamptz
);
create index handoff_outcome_by_rep on handoff_outcome (field_rep, status);
