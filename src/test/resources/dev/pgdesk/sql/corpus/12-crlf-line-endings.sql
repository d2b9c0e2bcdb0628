-- 12: a script saved on Windows: every line ends with CR LF.
create schema corpus_12;
set search_path = corpus_12;

/* A block comment
   spanning lines; with CR LF inside */
create table note (
    id   serial primary key,
    body text not null  -- line comment; at a CR LF line end
);

insert into note (body) values ('single line');
insert into note (body) values ('a string
spanning two lines; with CR LF');
insert into note (body) values ($$a dollar string
spanning lines$$);

create function shout(t text) returns text language plpgsql immutable as $fn$
begin
    -- comment inside the body
    return upper(t) || '!';
end;
$fn$;

select id, shout(body), length(body) from note order by id;

do $$
begin
    raise notice 'CR LF; inside a DO block';
end
$$;

select 1 as a; select 2 as b;

drop schema corpus_12 cascade;
