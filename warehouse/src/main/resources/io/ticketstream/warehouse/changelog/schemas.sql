-- Both dialects: the layers above landing (landing's schema, canonical, is created with its tables).
CREATE SCHEMA IF NOT EXISTS staging;
CREATE SCHEMA IF NOT EXISTS presentation;
