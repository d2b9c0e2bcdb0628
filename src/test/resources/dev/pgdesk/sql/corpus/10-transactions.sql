-- 10: transaction blocks, a failure inside a block, savepoints.
create schema corpus_10;
set search_path = corpus_10;

create table ledger (id integer primary key, amount numeric not null check (amount <> 0));

begin;
insert into ledger values (1, 10);
insert into ledger values (2, -5);
commit;

begin;
insert into ledger values (3, 7);
insert into ledger values (1, 99);    -- duplicate key: fails
insert into ledger values (4, 1);     -- current transaction is aborted
select count(*) from ledger;          -- rejected as well
rollback;

start transaction isolation level repeatable read;
insert into ledger values (5, 3);
savepoint before_bad;
insert into ledger values (6, 0);     -- check constraint violation
rollback to savepoint before_bad;
insert into ledger values (6, 6);
savepoint s2;
update ledger set amount = amount * 2 where id = 6;
release savepoint s2;
commit;

BEGIN; SELECT 1 AS one; COMMIT;

begin isolation level serializable, read only;
select sum(amount) as total from ledger;
commit and chain;
select count(*) as n from ledger;
commit;

begin work;
delete from ledger where amount < 0;
savepoint "my; savepoint";
delete from ledger;
rollback to "my; savepoint";
end work;

commit;  -- no transaction in progress: only a warning
abort;

select id, amount from ledger order by id;

drop schema corpus_10 cascade;
