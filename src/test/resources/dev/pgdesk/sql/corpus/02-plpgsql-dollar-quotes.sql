-- 02: PL/pgSQL functions with nested dollar quoting.
create schema corpus_02;
set search_path = corpus_02;

create table account (
    id      serial primary key,
    owner   text not null,
    balance numeric(12, 2) not null default 0,
    tags    text[] not null default '{}'
);

insert into account (owner, balance, tags) values
    ('alice', 100.00, array['vip', 'eu']),
    ('bob; the builder', 50.25, array['us']),
    ('carol''s shop', 0, '{}');

create or replace function transfer(p_from integer, p_to integer, p_amount numeric)
returns numeric
language plpgsql
as $fn$
declare
    v_balance numeric;
    v_sql     text := $q$update account set balance = balance + $1 where id = $2$q$;
begin
    if p_amount <= 0 then
        raise exception 'amount must be positive; got %', p_amount;
    end if;
    select balance into v_balance from account where id = p_from for update;
    if v_balance < p_amount then
        raise exception 'insufficient funds: it''s % < %', v_balance, p_amount;
    end if;
    execute v_sql using -p_amount, p_from;
    execute v_sql using p_amount, p_to;
    -- a comment inside the body; with 'quotes' and "doubles"
    /* and a block comment; too */
    return v_balance - p_amount;
end;
$fn$;

select transfer(1, 2, 10.00);
select transfer(3, 1, 5.00);   -- fails inside the function: carol's shop has no money
select id, owner, balance from account order by id;

create function describe_account(p_id integer) returns text
language plpgsql stable as $body$
declare
    r   account%rowtype;
    msg text;
begin
    select * into r from account where id = p_id;
    if not found then
        return $$no account; sorry$$;
    end if;
    msg := format($$%s has %s (tags: %s)$$, r.owner, r.balance, array_to_string(r.tags[1:2], ', '));
    return msg || E'\n' || 'end;';
end
$body$;

select describe_account(id) from account order by id;
select describe_account(-1);

create function fizzbuzz(n integer) returns setof text
language plpgsql immutable as $$
declare
    i integer;
begin
    for i in 1..n loop
        return next case
            when i % 15 = 0 then 'FizzBuzz'
            when i % 3 = 0 then 'Fizz'
            when i % 5 = 0 then 'Buzz'
            else i::text
        end;
    end loop;
    for i in reverse 3..1 loop
        return next 'countdown;' || i;
    end loop;
end;
$$;

select * from fizzbuzz(15);

create function make_getter(p_column text) returns void
language plpgsql as $outer$
begin
    execute format(
        $ddl$create or replace function %I() returns setof text language sql as $inner$select %I::text from corpus_02.account order by id$inner$$ddl$,
        'get_' || p_column, p_column);
end;
$outer$;

select make_getter('owner');
select * from get_owner();

create function quote_demo() returns text language plpgsql as '
begin
    return ''single-quoted body; it''''s old style'';
end;
';

select quote_demo();

drop schema corpus_02 cascade;
