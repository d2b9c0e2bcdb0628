-- 13: a reporting script indented with tabs.
create schema corpus_13;
set search_path = corpus_13;

create table sale (
	id		serial primary key,
	region	text not null,
	sold_on	date not null,
	amount	numeric(10, 2) not null
);

insert into sale (region, sold_on, amount)
	select
		(array['north', 'south', 'east; west'])[1 + (g % 3)],
		date '2024-01-01' + g,
		round((g * 37 % 100)::numeric + 0.99, 2)
	from generate_series(1, 30) as g;

create view monthly as
	select
		region,
		date_trunc('month', sold_on)::date as month,
		sum(amount) as total,
		count(*) as n
	from sale
	group by 1, 2;

	-- an indented comment; with a tab before it
	select
		region,
		total,
		rank() over (partition by month order by total desc) as rnk,
		sum(total) over w as running
	from monthly
	window w as (partition by region order by month rows between unbounded preceding and current row)
	order by region, month;

with recursive days(d) as (
	select date '2024-01-01'
	union all
	select d + 1 from days where d < date '2024-01-07'
)
select d, coalesce(sum(s.amount), 0) as amount
	from days
	left join sale s on s.sold_on = days.d
	group by d
	order by d;

	create table target (region text primary key, total numeric);
	merge into target t
		using (select region, sum(amount) as total from sale group by region) s
		on t.region = s.region
		when matched then update set total = s.total
		when not matched then insert (region, total) values (s.region, s.total);
	select * from target order by region;

	drop schema corpus_13 cascade;
