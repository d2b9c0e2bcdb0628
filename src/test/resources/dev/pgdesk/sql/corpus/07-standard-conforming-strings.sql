-- 07: a legacy script that switches standard_conforming_strings off and on again.
-- Each SET is on a line of its own.
create schema corpus_07;
set search_path = corpus_07;

create table legacy (id serial primary key, v text);

set standard_conforming_strings = off;
insert into legacy (v) values ('a\'b; c');
insert into legacy (v) values ('\\');
insert into legacy (v) values ('tab\there; quote\'s');
select v, length(v) from legacy order by id;
reset standard_conforming_strings;

insert into legacy (v) values ('a\');
select v from legacy order by id;

set standard_conforming_strings to off;
select 'back\\slash; still off' as v;
set standard_conforming_strings = on;
select 'back\slash; on again' as v;

begin;
set local standard_conforming_strings = off;
select 'local\'s; off' as v;
commit;
select 'after commit: \' as v;

begin;
set standard_conforming_strings = off;
select 'in tx\'s; off' as v;
rollback;
select 'after rollback: \' as v;

set standard_conforming_strings = 'off';
select E'explicit E\'s; always escapes' as e, 'plain\'s' as p;
set standard_conforming_strings = default;
select E'explicit E\'s; always escapes' as e, 'plain\' as p;

drop schema corpus_07 cascade;
