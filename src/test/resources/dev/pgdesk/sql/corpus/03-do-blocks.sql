-- 03: anonymous DO blocks.
create schema corpus_03;
set search_path = corpus_03;

create table event_log (
    id      bigserial primary key,
    kind    text not null,
    payload jsonb,
    at      timestamptz not null default clock_timestamp()
);

do $$
begin
    raise notice 'hello from a DO block; semicolons are fine here';
end
$$;

do language plpgsql $do$
declare
    k text;
begin
    foreach k in array array['start', 'step;1', 'it''s done'] loop
        insert into event_log (kind, payload) values (k, jsonb_build_object('k', k));
    end loop;
    execute $sql$insert into event_log (kind) values ('dyn; amic')$sql$;
    perform pg_sleep(0);
end
$do$;

DO $$ BEGIN RAISE NOTICE 'rows: %', (SELECT count(*) FROM event_log); END $$;

do $a$
declare
    body text := $b$ select 'nested $$ inside; $b' $b$;
begin
    raise notice 'body is [%]', body;
    execute body;
end
$a$;

do $$
begin
    begin
        perform 1 / 0;
    exception when division_by_zero then
        raise notice 'caught: %; continuing', sqlerrm;
    end;
    insert into event_log (kind) values ('after exception');
end $$;

do $$ begin raise exception 'deliberate failure; psql continues'; end $$;

select kind, payload ->> 'k' as k from event_log order by id;

drop schema corpus_03 cascade;
