-- The personal-data keys live in a database of their own (KEYS_DATABASE_URL), so a dump of the log never holds them.
CREATE DATABASE iasl_keys OWNER iasl;
