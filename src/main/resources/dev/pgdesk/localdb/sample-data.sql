-- Data for the pgdesk sample database, generated on the server. setseed makes every load produce
-- the same rows (dates are relative to now()). Runs in the same transaction as sample-schema.sql.

SELECT setseed(0.42);

CREATE FUNCTION pg_temp.pick(choices text[]) RETURNS text
    LANGUAGE sql VOLATILE
    AS $$ SELECT choices[1 + floor(random() * array_length(choices, 1))::int] $$;

CREATE FUNCTION pg_temp.first_name() RETURNS text
    LANGUAGE sql VOLATILE
    AS $$ SELECT pg_temp.pick(ARRAY['Ada', 'Ben', 'Chloe', 'David', 'Elena', 'Felix', 'Grace', 'Hugo', 'Ines',
        'Jonas', 'Karin', 'Liam', 'Maya', 'Noah', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Samir', 'Tara', 'Umar',
        'Vera', 'Walter', 'Xenia', 'Yusuf', 'Zoe', 'Anna', 'Lukas', 'Sofia', 'Mateo', 'Emma', 'Oskar']) $$;

CREATE FUNCTION pg_temp.last_name() RETURNS text
    LANGUAGE sql VOLATILE
    AS $$ SELECT pg_temp.pick(ARRAY['Smith', 'Müller', 'García', 'Rossi', 'Dubois', 'Jansen', 'Nowak', 'Silva',
        'Andersson', 'Novak', 'Kowalski', 'Fischer', 'Martin', 'Brown', 'Tanaka', 'Okafor', 'Haddad', 'Costa',
        'Weber', 'Moreau', 'Lindqvist', 'Bianchi', 'Schmidt', 'López', 'Wilson', 'Kim', 'Popescu', 'Horvat']) $$;

CREATE TEMP TABLE sample_countries (idx int PRIMARY KEY, country text, code text, currency text, cities text[])
    ON COMMIT DROP;
INSERT INTO sample_countries VALUES
    (1, 'Germany', 'DE', 'EUR', ARRAY['Berlin', 'Hamburg', 'Munich', 'Cologne', 'Leipzig']),
    (2, 'France', 'FR', 'EUR', ARRAY['Paris', 'Lyon', 'Marseille', 'Toulouse']),
    (3, 'United Kingdom', 'GB', 'GBP', ARRAY['London', 'Manchester', 'Bristol', 'Leeds', 'Edinburgh']),
    (4, 'United States', 'US', 'USD', ARRAY['New York', 'Chicago', 'Austin', 'Seattle', 'Boston', 'Denver']),
    (5, 'Netherlands', 'NL', 'EUR', ARRAY['Amsterdam', 'Rotterdam', 'Utrecht']),
    (6, 'Spain', 'ES', 'EUR', ARRAY['Madrid', 'Barcelona', 'Valencia', 'Seville']),
    (7, 'Italy', 'IT', 'EUR', ARRAY['Rome', 'Milan', 'Turin', 'Bologna']),
    (8, 'Switzerland', 'CH', 'CHF', ARRAY['Zurich', 'Geneva', 'Basel']),
    (9, 'Sweden', 'SE', 'SEK', ARRAY['Stockholm', 'Gothenburg', 'Malmö']),
    (10, 'Poland', 'PL', 'PLN', ARRAY['Warsaw', 'Kraków', 'Gdańsk', 'Wrocław']),
    (11, 'Canada', 'CA', 'CAD', ARRAY['Toronto', 'Montreal', 'Vancouver']),
    (12, 'Japan', 'JP', 'JPY', ARRAY['Tokyo', 'Osaka', 'Kyoto']);

-- Users: the back office.
INSERT INTO users (id, email, name, created_at, is_active)
SELECT g,
       lower(translate(first || '.' || last, 'üéóńśłäö', 'ueonslao')) || g || '@shop.example',
       first || ' ' || last,
       now() - interval '4 years' + random() * interval '3 years',
       random() < 0.9
FROM (SELECT g, pg_temp.first_name() AS first, pg_temp.last_name() AS last
      FROM generate_series(1, 100) AS g) AS u;

-- Customers, spread over twelve countries.
INSERT INTO customers (id, crm_id, name, email, country, city, created_at)
SELECT x.g,
       'CRM-' || lpad(x.g::text, 6, '0'),
       x.first || ' ' || x.last,
       lower(translate(x.first || '.' || x.last, 'üéóńśłäöí', 'ueonslaoi')) || x.g || '@mail.example',
       c.country,
       c.cities[1 + floor(x.city_pick * array_length(c.cities, 1))::int],
       now() - x.age
FROM (SELECT g,
             pg_temp.first_name() AS first,
             pg_temp.last_name() AS last,
             1 + floor(random() * 12)::int AS country_idx,
             random() AS city_pick,
             random() * interval '3 years' AS age
      FROM generate_series(1, 500) AS g) AS x
JOIN sample_countries c ON c.idx = x.country_idx;

-- Products in eight categories.
CREATE TEMP TABLE sample_categories (idx int PRIMARY KEY, category text, nouns text[]) ON COMMIT DROP;
INSERT INTO sample_categories VALUES
    (1, 'Books', ARRAY['Novel', 'Cookbook', 'Atlas', 'Biography', 'Field Guide']),
    (2, 'Electronics', ARRAY['Headphones', 'Charger', 'Speaker', 'Keyboard', 'Webcam', 'Monitor']),
    (3, 'Garden', ARRAY['Hose', 'Planter', 'Rake', 'Seed Kit', 'Lantern']),
    (4, 'Kitchen', ARRAY['Kettle', 'Knife Set', 'Pan', 'Grinder', 'Teapot']),
    (5, 'Office', ARRAY['Notebook', 'Desk Lamp', 'Pen Set', 'Organizer', 'Chair']),
    (6, 'Sports', ARRAY['Yoga Mat', 'Water Bottle', 'Racket', 'Backpack', 'Helmet']),
    (7, 'Toys', ARRAY['Puzzle', 'Robot Kit', 'Board Game', 'Kite', 'Building Set']),
    (8, 'Clothing', ARRAY['Jacket', 'Scarf', 'Sweater', 'Cap', 'Raincoat']);

INSERT INTO products (id, sku, name, category, price, stock, created_at, attributes)
SELECT x.g,
       upper(left(c.category, 3)) || '-' || lpad(x.g::text, 5, '0'),
       x.adjective || ' ' || c.nouns[1 + floor(x.noun_pick * array_length(c.nouns, 1))::int],
       c.category,
       round((4.99 + power(x.price_pick, 2) * 495)::numeric, 2),
       floor(power(x.stock_pick, 2) * 400)::int,
       now() - x.age,
       jsonb_build_object('color', x.color, 'weight_g', x.weight_g, 'tags', to_jsonb(x.tags))
           || CASE WHEN c.category = 'Electronics'
                   THEN jsonb_build_object('warranty_years', x.warranty) ELSE '{}'::jsonb END
FROM (SELECT g,
             1 + (g - 1) % 8 AS category_idx,
             pg_temp.pick(ARRAY['Classic', 'Compact', 'Deluxe', 'Eco', 'Pro', 'Smart', 'Travel', 'Vintage',
                 'Ultra', 'Everyday']) AS adjective,
             random() AS noun_pick,
             random() AS price_pick,
             random() AS stock_pick,
             random() * interval '3 years' AS age,
             pg_temp.pick(ARRAY['black', 'white', 'red', 'blue', 'green', 'grey', 'yellow']) AS color,
             (50 + floor(random() * 4950))::int AS weight_g,
             CASE WHEN random() < 0.3 THEN ARRAY['bestseller', 'gift']
                  WHEN random() < 0.5 THEN ARRAY['new']
                  ELSE ARRAY[]::text[] END AS tags,
             1 + floor(random() * 3)::int AS warranty
      FROM generate_series(1, 200) AS g) AS x
JOIN sample_categories c ON c.idx = x.category_idx;

-- Orders over the last two years: more recent ones, a year-end peak, quieter weekends. Days are drawn
-- from the cumulative weights with width_bucket.
CREATE TEMP TABLE sample_day_weights ON COMMIT DROP AS
SELECT d AS days_ago,
       (1.0
        + 0.25 * cos(2 * pi() * (extract(month FROM current_date - d) - 12) / 12)
        + CASE WHEN extract(month FROM current_date - d) IN (11, 12) THEN 0.35 ELSE 0 END
        - CASE WHEN extract(isodow FROM current_date - d) IN (6, 7) THEN 0.2 ELSE 0 END
        + 0.5 * (727 - d) / 727.0)::float8 AS weight
FROM generate_series(0, 727) AS d;

CREATE TEMP TABLE sample_day_bounds ON COMMIT DROP AS
SELECT array_agg(cumulative ORDER BY days_ago) AS upper_bounds
FROM (SELECT days_ago, (sum(weight) OVER (ORDER BY days_ago) / sum(weight) OVER ())::float8 AS cumulative
      FROM sample_day_weights) AS w;

CREATE TEMP TABLE sample_orders ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY o.ordered_at)::int AS id, o.*
FROM (SELECT 1 + floor(500 * power(random(), 1.2))::int AS customer_id,
             CASE WHEN random() < 0.85 THEN 1 + floor(random() * 100)::int END AS user_id,
             now() - width_bucket(random(), b.upper_bounds) * interval '1 day'
                 - random() * interval '20 hours' AS ordered_at,
             random() AS fate,
             interval '6 hours' + random() * interval '4 days' AS ship_lag,
             1 + floor(random() * 5)::int AS item_count
      FROM generate_series(1, 5000), sample_day_bounds AS b) AS o;

INSERT INTO orders (id, customer_id, user_id, status, ordered_at, shipped_at)
SELECT id,
       customer_id,
       user_id,
       status,
       ordered_at,
       CASE WHEN status IN ('shipped', 'delivered') OR (status = 'refunded' AND ordered_at + ship_lag < now())
            THEN ordered_at + ship_lag END
FROM (SELECT s.*,
             CASE WHEN s.fate < 0.04 THEN 'cancelled'
                  WHEN s.fate < 0.07 THEN 'refunded'
                  WHEN now() - s.ordered_at < interval '12 hours' THEN 'pending'
                  WHEN s.ordered_at + s.ship_lag > now() THEN 'paid'
                  WHEN s.ordered_at + s.ship_lag + interval '4 days' > now() THEN 'shipped'
                  ELSE 'delivered' END AS status
      FROM sample_orders AS s) AS x
ORDER BY id;

-- One to five lines per order; popular products sell more, one line in ten is discounted.
INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price)
SELECT i.order_id,
       i.line_no,
       i.product_id,
       i.quantity,
       CASE WHEN i.discounted THEN round(p.price * 0.9, 2) ELSE p.price END
FROM (SELECT o.id AS order_id,
             n AS line_no,
             1 + floor(200 * power(random(), 1.3))::int AS product_id,
             CASE WHEN random() < 0.7 THEN 1 ELSE 2 + floor(random() * 4)::int END AS quantity,
             random() < 0.1 AS discounted
      FROM sample_orders AS o, generate_series(1, o.item_count) AS n) AS i
JOIN products p ON p.id = i.product_id
ORDER BY i.order_id, i.line_no;

UPDATE orders AS o
SET total = s.total
FROM (SELECT order_id, sum(quantity * unit_price) AS total FROM order_items GROUP BY order_id) AS s
WHERE s.order_id = o.id;

UPDATE customers AS c
SET lifetime_value = s.value
FROM (SELECT customer_id, sum(total) AS value
      FROM orders
      WHERE status NOT IN ('cancelled', 'refunded')
      GROUP BY customer_id) AS s
WHERE s.customer_id = c.id;

-- A customer exists before their first order.
UPDATE customers AS c
SET created_at = f.first_order - interval '2 days'
FROM (SELECT customer_id, min(ordered_at) AS first_order FROM orders GROUP BY customer_id) AS f
WHERE f.customer_id = c.id AND c.created_at > f.first_order - interval '2 days';

-- Accounts: one per customer, a second one for every fifth customer.
INSERT INTO accounts (id, customer_id, iban, balance, currency, opened_at)
SELECT a.g,
       c.id,
       k.code || lpad(floor(a.check_pick * 100)::int::text, 2, '0')
           || lpad((10000000 + floor(a.bank_pick * 89999999))::bigint::text, 8, '0')
           || lpad(a.g::text, 10, '0'),
       round((-2000 + power(a.balance_pick, 3) * 250000)::numeric, 2),
       k.currency,
       c.created_at + a.delay
FROM (SELECT g,
             CASE WHEN g <= 500 THEN g ELSE (g - 500) * 5 END AS customer_id,
             random() AS check_pick,
             random() AS bank_pick,
             random() AS balance_pick,
             random() * interval '60 days' AS delay
      FROM generate_series(1, 600) AS g) AS a
JOIN customers c ON c.id = a.customer_id
JOIN sample_countries k ON k.country = c.country
ORDER BY a.g;

-- Employees: a CEO, five department heads, ten team leads and their staff.
INSERT INTO employees (id, name, title, manager_id, department, salary, hired_at)
SELECT e.g,
       e.first || ' ' || e.last,
       CASE WHEN e.g = 1 THEN 'Chief Executive Officer'
            WHEN e.g <= 6 THEN 'Head of ' || e.department
            WHEN e.g <= 16 THEN e.department || ' Team Lead'
            ELSE pg_temp.pick(ARRAY['Specialist', 'Analyst', 'Associate', 'Senior Specialist']) END,
       CASE WHEN e.g = 1 THEN NULL
            WHEN e.g <= 6 THEN 1
            WHEN e.g <= 16 THEN 2 + e.g % 5
            ELSE 7 + (e.g % 5 + 3) % 5 + 5 * ((e.g / 5) % 2) END,
       e.department,
       round((CASE WHEN e.g = 1 THEN 240000
                   WHEN e.g <= 6 THEN 150000 + e.pay_pick * 30000
                   WHEN e.g <= 16 THEN 95000 + e.pay_pick * 25000
                   ELSE 52000 + e.pay_pick * 38000 END)::numeric, 2),
       current_date - CASE WHEN e.g = 1 THEN 3650
                           WHEN e.g <= 6 THEN 2200 + floor(e.hire_pick * 1400)::int
                           WHEN e.g <= 16 THEN 900 + floor(e.hire_pick * 1800)::int
                           ELSE 30 + floor(e.hire_pick * 2500)::int END
FROM (SELECT g,
             pg_temp.first_name() AS first,
             pg_temp.last_name() AS last,
             CASE WHEN g = 1 THEN 'Management'
                  ELSE (ARRAY['Engineering', 'Sales', 'Marketing', 'Finance', 'Support'])[1 + (CASE WHEN g <= 6 THEN g - 2 ELSE g % 5 END)] END
                 AS department,
             random() AS pay_pick,
             random() AS hire_pick
      FROM generate_series(1, 50) AS g) AS e
ORDER BY e.g;

-- Monitoring samples for the last 60 days: six metrics with a daily rhythm and noise.
INSERT INTO metrics_log (metric_name, value, tags, recorded_at)
SELECT m.name,
       round(greatest(m.floor_value, least(m.ceiling_value,
           m.base * (1 + 0.3 * sin(2 * pi() * extract(epoch FROM x.recorded_at) / 86400))
           + m.spread * (x.noise - 0.5)))::numeric, 2)::float8,
       jsonb_build_object('host', x.host, 'region', x.region, 'env', 'production'),
       x.recorded_at
FROM (SELECT g,
             now() - g * interval '259 seconds' - random() * interval '200 seconds' AS recorded_at,
             random() + random() - 0.5 AS noise,
             'web-' || (1 + floor(random() * 4))::int AS host,
             pg_temp.pick(ARRAY['eu-west', 'us-east', 'ap-south']) AS region
      FROM generate_series(1, 20000) AS g) AS x
JOIN (VALUES (0, 'api.latency_ms', 120.0, 80.0, 5.0, 5000.0),
             (1, 'api.requests_per_min', 900.0, 400.0, 0.0, 100000.0),
             (2, 'db.connections', 35.0, 12.0, 1.0, 100.0),
             (3, 'cpu.usage_pct', 45.0, 40.0, 0.0, 100.0),
             (4, 'queue.depth', 12.0, 20.0, 0.0, 10000.0),
             (5, 'checkout.duration_ms', 850.0, 400.0, 50.0, 30000.0))
    AS m (idx, name, base, spread, floor_value, ceiling_value)
    ON m.idx = x.g % 6
ORDER BY x.recorded_at;

INSERT INTO metrics_summary (metric_name, day, count, avg, min, max)
SELECT metric_name,
       (recorded_at AT TIME ZONE 'UTC')::date,
       count(*),
       avg(value),
       min(value),
       max(value)
FROM metrics_log
GROUP BY metric_name, (recorded_at AT TIME ZONE 'UTC')::date;

-- Explicit ids were inserted: move the identity sequences past them.
SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users));
SELECT setval(pg_get_serial_sequence('customers', 'id'), (SELECT max(id) FROM customers));
SELECT setval(pg_get_serial_sequence('products', 'id'), (SELECT max(id) FROM products));
SELECT setval(pg_get_serial_sequence('orders', 'id'), (SELECT max(id) FROM orders));
SELECT setval(pg_get_serial_sequence('accounts', 'id'), (SELECT max(id) FROM accounts));
SELECT setval(pg_get_serial_sequence('employees', 'id'), (SELECT max(id) FROM employees));

-- Support tickets from a sample of customers; some still open.
INSERT INTO support_tickets (customer_email, subject, priority, opened_at, closed_at)
SELECT c.email,
       pg_temp.pick(ARRAY['Where is my parcel?', 'Wrong size delivered', 'Invoice needed', 'Refund not received',
           'Cannot log in', 'Product arrived damaged']),
       pg_temp.pick(ARRAY['low', 'normal', 'normal', 'high', 'urgent'])::ticket_priority,
       c.opened_at,
       CASE WHEN random() < 0.7 THEN least(now(), c.opened_at + random() * interval '5 days') END
FROM (SELECT id, email, now() - random() * interval '90 days' AS opened_at
      FROM customers WHERE id % 10 = 0) AS c
ORDER BY c.id;

REFRESH MATERIALIZED VIEW product_sales;

ANALYZE;
