-- csv_safe becomes reversible: a cell that already starts with an apostrophe is prefixed too, so
-- that csv_unsafe (strip one leading apostrophe) gives back exactly the stored text. The
-- everything-archive round trip (docs/decisions/008) relies on the pair. A spreadsheet hides one
-- leading apostrophe, so a reader still sees the stored text.
CREATE OR REPLACE FUNCTION csv_safe(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN value ~ '^[=+\-@\t\r\n'']' THEN '''' || value ELSE value END
$$;

CREATE FUNCTION csv_unsafe(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN left(value, 1) = '''' THEN substr(value, 2) ELSE value END
$$;
