-- 05: server-side prepared statements and $n parameters.
create schema corpus_05;
set search_path = corpus_05;

create table price (sku text primary key, cents integer not null);
insert into price values ('A-1', 1999), ('B;2', 250), ('C''3', 0);

PREPARE p(int) AS SELECT $1 + 1;
EXECUTE p(41);
DEALLOCATE p;

prepare find_price(text) as
    select sku, cents from price where sku = $1;
execute find_price('B;2');
execute find_price('C''3');

prepare bump (text, integer) as
    update price set cents = cents + $2 where sku = $1 returning sku, cents;
execute bump('A-1', 1);
execute bump('nope', 5);

prepare cheap as select sku from price where cents < 1000 order by sku;
execute cheap;

create function add_tax(numeric) returns numeric language sql immutable
    as 'select round($1 * 1.2, 2)';
create function label(text, integer) returns text language sql immutable
    as 'select $1 || ''; '' || $2::text || '' cents''';

prepare labelled(integer) as select label(sku, cents), add_tax(cents) from price where cents > $1 order by sku;
execute labelled(0);

select name, statement from pg_prepared_statements order by name;

deallocate find_price;
deallocate prepare bump;
deallocate all;

drop schema corpus_05 cascade;
