-- 04: SQL-standard function bodies (PostgreSQL 14+; on 13 these statements fail,
-- but psql sends them all the same).
create schema corpus_04;
set search_path = corpus_04;

create table orders (
    id       integer primary key,
    customer text not null,
    amount   numeric not null,
    status   text not null default 'new'
);

create function add_one(integer) returns integer
    language sql immutable
    return $1 + 1;

create function add(a integer, b integer) returns integer
    language sql immutable parallel safe
    return a + b;

create function classify(amount numeric) returns text
language sql immutable
begin atomic
    select case
        when amount >= 1000 then 'large; really'
        when amount >= 100 then 'medium'
        else 'small'
    end;
end;

create function order_summary(p_customer text, p_min numeric)
returns table (n bigint, total numeric)
language sql stable
begin atomic
    select count(*), coalesce(sum(amount), 0)
      from orders
     where customer = $1 and amount >= $2;
end;

create procedure place_order(p_id integer, p_customer text, p_amount numeric)
language sql
begin atomic
    insert into orders (id, customer, amount) values ($1, $2, $3);
    update orders set status = case when $3 > 500 then 'review' else 'accepted' end where id = $1;
end;

call place_order(1, 'alice', 120);
call place_order(2, 'bob', 1500);
call place_order(3, 'it''s me; mario', 5);

select id, customer, amount, status, classify(amount) from orders order by id;
select * from order_summary('alice', 0);
select add_one(41), add(2, 3);

CREATE OR REPLACE FUNCTION nested_case(x integer) RETURNS text LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
    SELECT CASE WHEN x < 0 THEN 'negative'
                ELSE CASE WHEN x = 0 THEN 'zero' ELSE 'positive' END
           END;
END;

select nested_case(-1), nested_case(0), nested_case(7);

create function bucket(amount numeric) returns integer language sql immutable
begin atomic
    select (case when amount < 10 then 1 else 2 end) * 10;
end;

create function answer() returns integer language sql begin atomic select 42; end; select answer(), bucket(5);

create or replace procedure archive_small(threshold numeric)
language sql
begin atomic
    update orders set status = 'archived; small' where amount < threshold;
    delete from orders where status = 'archived; small' and customer like '%''%';
end;

call archive_small(10);
select id, status from orders order by id;

drop schema corpus_04 cascade;
