-- 15: triggers, a view and a rule with several actions in parentheses.
create schema corpus_15;
set search_path = corpus_15;

create table item (
    id         integer primary key,
    name       text not null,
    qty        integer not null default 0,
    updated_at timestamptz
);
create table item_audit (
    item_id integer,
    action  text,
    at      timestamptz not null default now(),
    note    text
);

create function touch() returns trigger language plpgsql as $$
begin
    new.updated_at := now();
    insert into item_audit (item_id, action, note)
        values (new.id, tg_op, format('qty %s -> %s; by %L', old.qty, new.qty, current_user));
    return new;
end;
$$;

create trigger item_touch before update on item
    for each row when (old.qty is distinct from new.qty)
    execute function touch();

create view low_stock as
    select id, name, qty from item where qty < 5
    with cascaded check option;

create rule low_stock_log as on insert to low_stock do also (
    insert into item_audit (item_id, action, note) values (new.id, 'view insert', 'via rule; one');
    insert into item_audit (item_id, action, note) values (new.id, 'view insert', 'via rule; two')
);

insert into item (id, name, qty) values (1, 'bolt', 10), (2, 'nut', 2);
insert into low_stock (id, name, qty) values (3, 'washer', 1);
insert into low_stock (id, name, qty) values (4, 'too many; rejected', 50);
update item set qty = qty - 1 where id in (1, 2);
update item set name = name || '; renamed' where id = 3;

select id, name, qty, updated_at is not null as touched from item order by id;
select item_id, action, note from item_audit order by at, item_id, note;
select * from low_stock order by id;

create rule item_no_delete as on delete to item do instead nothing;
delete from item where id = 1;
select count(*) from item;

drop schema corpus_15 cascade;
/* A trailing block comment after the last semicolon;
   nothing follows it. */
