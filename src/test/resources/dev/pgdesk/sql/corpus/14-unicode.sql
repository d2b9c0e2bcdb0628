-- 14: identifiers and strings beyond ASCII. ☕ Commentaire en français; 日本語のコメント「です」
create schema corpus_14;
set search_path = corpus_14;

/* Bloc de commentaire — « guillemets » ; 🎉 */
create table café (
    id                integer primary key,
    nom               text not null,
    "prix €"          numeric(6, 2),
    日本              text,
    "emoji 🎉; party" text
);

insert into café values (1, 'crème brûlée', 6.50, '日本; 東京', '🎉🎂');
insert into café values (2, 'naïve ''piñata''', 3.00, 'すし', E'\u2603 snowman; \U0001F600');
insert into café (id, nom) values (3, U&'\00C5ngstr\00F6m; \+01F600');

select nom, "prix €", 日本, "emoji 🎉; party" from café order by id;
select length('🎉'), octet_length('🎉'), upper('éàü'), 'Ω' || 'ß' as greek_german;
select $é$dollar tag with é; inside$é$ as tagged;
select $日本$ドル引用; 日本$日本$ as japanese_tag;

create function grüß(name text) returns text language sql immutable
    as $$ select 'Grüß Gott, ' || name || ' 👋' $$;
select grüß('Zoë');

comment on table café is 'Café menu — prices in €; 日本 column';
select obj_description('café'::regclass, 'pg_class');

drop schema corpus_14 cascade;
