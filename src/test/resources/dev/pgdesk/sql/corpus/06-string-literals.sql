-- 06: every kind of string and bit-string literal, and quoted identifiers.
create schema corpus_06;
set search_path = corpus_06;

create table sample (
    id    serial primary key,
    label text,
    raw   bytea,
    bits  bit varying(16)
);

insert into sample (label) values ('it''s; fine');
insert into sample (label) values (E'it\'s \\ a\nnew line; and a tab:\t.');
insert into sample (label) values (e'lower-case e: \x41\101\u00e9 and \'; end');
insert into sample (label) values (E'ends with a backslash \\');
insert into sample (label) values (U&'\0041\0042C d\00e9j\00e0');
insert into sample (label) values (U&'!0041 with a custom escape; !! and \ plain' UESCAPE '!');
insert into sample (label, bits) values ('bits', B'101');
insert into sample (label, bits) values ('hex bits', X'1F');
insert into sample (label, bits) values ('lower-case', b'0110' || x'a');
insert into sample (label, raw) values ('bytes', '\xdeadbeef'::bytea);
insert into sample (label) values ('continued'
    ' string; across lines');
insert into sample (label) values ($$dollar 'quoted'; with "stuff" and \ backslash$$);
insert into sample (label) values ($tag$contains $$ and $other$ and ; $tag$);
insert into sample (label) values ($_1$digits in the tag$_1$);
insert into sample (label) values (N'national; char');
insert into sample (label) values ('');
insert into sample (label) values ('''');

select id, label, raw, bits from sample order by id;

create table U&"d\0061t\+000061" (
    "semi;colon"           integer,
    "quote""d"             text,
    U&"!00e9t!00e9" UESCAPE '!' text,
    "-- not a comment"     text,
    "/* nor this */"       text
);

insert into "data" ("semi;colon", "quote""d", "été", "-- not a comment", "/* nor this */")
values (1, 'q', 'summer', 'dash', 'slash');

select "semi;colon", "quote""d", U&"\00e9t\00e9", "-- not a comment", "/* nor this */" from U&"d\0061ta";

select 'a' || 'b' as "a;b", 'x' as """", 'y' as "'";

drop schema corpus_06 cascade;
