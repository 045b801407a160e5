-- The event store: the service's log and its outbox (published_at is null until the broker acks).
create table event_store (
    position        bigserial primary key,
    stream_id       text        not null,
    stream_type     text        not null,
    stream_version  bigint      not null,
    event_id        uuid        not null unique,
    type            text        not null,
    schema_version  int         not null,
    occurred_at     timestamptz not null,
    recorded_at     timestamptz not null,
    correlation_id  uuid        not null,
    causation_id    uuid,
    actor           text        not null,
    journey_key     text        not null, -- the Kafka record key: the lead, else the stream
    lead_id         uuid,
    account_id      uuid,
    payload         jsonb       not null,
    published_at    timestamptz,
    unique (stream_id, stream_version)
);

create index event_store_unpublished on event_store (position) where published_at is null;
