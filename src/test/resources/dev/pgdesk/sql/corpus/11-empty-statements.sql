-- 11: empty statements, blank and whitespace-only lines, several statements on one line,
-- and a last statement without a semicolon and without a final line feed.
create schema corpus_11;;
set search_path = corpus_11;
;
;;
create table t (id integer);   ;   insert into t values (1);

   
		
  	  
select 1 as a; select 2 as b;select 3 as c;
select
    4
    as
    d
;
insert into t
values (2)
  ;  
select count(*) from t; ;
   select 5 as leading_spaces;
	select 6 as leading_tab;

drop schema corpus_11 cascade