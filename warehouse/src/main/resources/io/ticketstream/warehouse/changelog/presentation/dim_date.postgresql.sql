-- The calendar, 2000-01-01 to 2049-12-31, plus the unknown member -1. date_key is YYYYMMDD (UTC dates: every time
-- in the model is UTC). A table, not a view: it never changes.
CREATE TABLE presentation.dim_date (
  date_key integer PRIMARY KEY, calendar_date date, year integer, quarter integer, month integer, month_name text,
  day_of_month integer, iso_day_of_week integer, day_name text, is_weekend boolean
);
INSERT INTO presentation.dim_date
SELECT CAST(to_char(d, 'YYYYMMDD') AS integer), CAST(d AS date), CAST(EXTRACT(YEAR FROM d) AS integer),
       CAST(EXTRACT(QUARTER FROM d) AS integer), CAST(EXTRACT(MONTH FROM d) AS integer), trim(to_char(d, 'Month')),
       CAST(EXTRACT(DAY FROM d) AS integer), CAST(EXTRACT(ISODOW FROM d) AS integer), trim(to_char(d, 'Day')),
       EXTRACT(ISODOW FROM d) >= 6
FROM generate_series(TIMESTAMP '2000-01-01', TIMESTAMP '2049-12-31', INTERVAL '1 day') AS g(d);
INSERT INTO presentation.dim_date VALUES (-1, NULL, NULL, NULL, NULL, 'UNKNOWN', NULL, NULL, 'UNKNOWN', NULL);
