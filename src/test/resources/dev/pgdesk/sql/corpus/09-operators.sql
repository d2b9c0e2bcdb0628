-- 09: operators that look like comments, parameters or casts.
create schema corpus_09;
set search_path = corpus_09;

create table doc (
    id   integer primary key,
    body jsonb not null,
    tags text[] not null,
    pos  point,
    span int4range
);

insert into doc values
    (1, '{"a": 1, "b": [1, 2, 3]}', '{x,y,z}', point(0, 0), '[1,10)'),
    (2, '{"c": "it''s; here"}', '{y}', point(3, 4), '[10,20)');

select id from doc where body ? 'a';
select id from doc where body ?| array['a', 'c'];
select id from doc where body ?& array['a', 'b'];
select id from doc where body @> '{"a":1}'::jsonb;
select '{"a":1}'::jsonb ? 'a' as has_a;
select body -> 'b' ->> 0 as b0, body #> '{b,1}' as b1, body #>> '{c}' as c from doc order by id;
select id, pos <-> point(0, 0) as dist from doc order by pos <-> point(0,0);
select tags[1:2], tags[2:], tags[:1], (tags)[1] from doc order by id;
select span && int4range(5, 15), span -|- int4range(20, 30), upper(span) from doc order by id;
select 10 - -1 as minus_minus, 2 --1 this is a comment; not an operator
    as two;
select 2 */* comment right after an operator */ 3 as six;
select 1::text || '; ' || 2::text as concat;
select 'abc' ~* 'B', 'abc' !~~ 'a%', 5 != 6, 5 <> 6, 3 >= 2 and 2 <= 3;
select to_tsvector('english', 'the quick; brown fox') @@ to_tsquery('fox & quick') as matches;
select make_interval(days => 1, hours := 2) as named_args;
select x, x % 3 as m, x ^ 2 as sq, |/ x::float8 as root, @ -x as abs
  from generate_series(1, 4) as g(x);
select 1.5e3, .5, 5., 1e-3, 0.0001::numeric(10,4), 42::bigint, -7 / 2, 7 % -3;
select array[1, 2] || 3, 3 = any(array[1,2,3]), '{1,2}'::int[] <@ '{1,2,3}';
select now() at time zone 'UTC' > timestamp '2000-01-01', interval '1 day' * 2;

do $$
declare
    total integer := 0;
    arr   integer[] := array[1, 2, 3, 4];
    i     integer;
begin
    for i in 1..10 loop
        total := total + i;
    end loop;
    for i in reverse 10..1 by 3 loop
        total := total - i;
    end loop;
    arr[2:3] := array[20, 30];
    raise notice 'total=%, slice=%', total, arr[1:3];
end $$;

drop schema corpus_09 cascade;
