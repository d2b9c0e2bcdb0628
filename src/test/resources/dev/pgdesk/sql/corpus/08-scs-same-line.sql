-- 08: standard_conforming_strings switched off with more statements on the same line.
create schema corpus_08;
set search_path = corpus_08;
create table t (v text);

set standard_conforming_strings = off; select 'a\'b;' as x; select 2 as y;
select 3 as z;
-- don't: the quote in this comment line matters, see README.md
insert into t values ('next line');
reset standard_conforming_strings;
select v from t;

drop schema corpus_08 cascade;
