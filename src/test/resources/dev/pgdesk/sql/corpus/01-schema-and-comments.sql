-- 01: a small product catalogue, with comments in all the usual places.
-- This header comment has a semicolon; and an unbalanced quote: it's fine.

create schema corpus_01;
set search_path = corpus_01;

/* A block comment before a statement; it spans
   several lines and holds a 'quote' and a "double quote". */
create table product (
    id           integer generated always as identity primary key,
    name         text not null,            -- trailing comment; with a semicolon
    "unit;price" numeric(10, 2) not null,  -- quoted identifier containing a semicolon
    "say ""hi""" text default 'it''s; fine',
    created_at   timestamptz not null default now()
);

/* a /* nested; */ comment; still inside */
insert into product (name, "unit;price") values ('widget', 9.99);

-- A leading line comment directly before the statement
insert into product (name, "unit;price", "say ""hi""")
values ('gadget; deluxe', 19.50, 'he said "hi"; she said ''bye''');

select id, name, "unit;price" /* inline; comment */ from product order by id;

select count(*) -- comment at the end of a line; with a 'quote
  from product
 where name <> 'x';

    -- indented comment between statements; "unbalanced double quote

comment on table product is 'Products; one row per SKU -- not a comment /* nor this */';
comment on column product."unit;price" is $$Price per unit; in EUR$$;

select obj_description('product'::regclass, 'pg_class') as table_comment;

/* first */ /* second */ select 1 as after_two_comments;

-- two line comments
-- in a row
/* then a block comment */
select "say ""hi""" as greeting from product order by id;

drop schema corpus_01 cascade; -- trailing comment after the last semicolon; it's the end
-- and one more line comment after it
