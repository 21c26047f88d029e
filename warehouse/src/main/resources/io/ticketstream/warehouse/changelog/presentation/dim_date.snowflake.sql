-- Snowflake-only, checked statically. The calendar, 2000-01-01 to 2049-12-31 (18,263 days), plus the unknown member
-- -1; the same columns and keys as dim_date.postgresql.sql. A table, not a dynamic table: it never changes.
CREATE TABLE IF NOT EXISTS presentation.dim_date (
  date_key INTEGER PRIMARY KEY, calendar_date DATE, year INTEGER, quarter INTEGER, month INTEGER, month_name VARCHAR,
  day_of_month INTEGER, iso_day_of_week INTEGER, day_name VARCHAR, is_weekend BOOLEAN
);
INSERT INTO presentation.dim_date
SELECT CAST(TO_CHAR(d, 'YYYYMMDD') AS INTEGER), d, YEAR(d), QUARTER(d), MONTH(d), MONTHNAME(d),
       DAY(d), DAYOFWEEKISO(d), DAYNAME(d), DAYOFWEEKISO(d) >= 6
FROM (SELECT DATEADD(day, SEQ4(), DATE '2000-01-01') AS d FROM TABLE(GENERATOR(ROWCOUNT => 18263)));
INSERT INTO presentation.dim_date VALUES (-1, NULL, NULL, NULL, NULL, 'UNKNOWN', NULL, NULL, 'UNKNOWN', NULL);
