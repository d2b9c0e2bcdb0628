-- 16: a migration-style script: types, domains, SQL functions with quoted bodies,
-- strings and comments that contain psql-like syntax (\d, :name, :'name').
create schema corpus_16;
set search_path = corpus_16;

create type mood as enum ('sad', 'ok; fine', 'happy''ish');
create domain slug as text check (value ~ '^[a-z0-9-]+$');

create table setting (
    key   slug primary key,
    value text not null,
    mood  mood not null default 'ok; fine'
);

comment on type mood is 'Run \dT+ mood in psql to see this; :not_a_var stays as is';

-- In psql you could write :'key' or :"key" or \set key ..., but not here.
insert into setting (key, value) values
    ('greeting', 'hello :name, see \d setting'),
    ('colon-pair', 'a:b :: c'),
    ('backslash', E'C:\\Program Files\\pgdesk; \\\\server\\share');

insert into setting (key, value, mood) values ('UPPER', 'rejected by the domain', 'sad');

create function setting_or(p_key text, p_default text) returns text
    language sql stable
    as 'select coalesce((select value from corpus_16.setting where key = $1), $2)';

select setting_or('greeting', 'none'), setting_or('missing', 'it''s; missing');

alter table setting add column updated_by text default current_user;
alter table setting
    add constraint value_not_blank check (value !~ '^\s*$');

update setting
   set mood = 'happy''ish'
 where key = 'greeting'
returning key, mood;

select key, value, mood from setting order by key;

/* final cleanup below; the last statement has no semicolon */
drop schema corpus_16 cascade
-- a trailing line comment after the unterminated last statement; it's the end
