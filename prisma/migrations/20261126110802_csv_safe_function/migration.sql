-- Text for CSV exports with spreadsheet formulas neutralised: a cell that starts with =, +, -, @,
-- tab, CR or LF is prefixed with an apostrophe (OWASP "CSV injection"). Numbers never pass
-- through it, so they stay numbers.
CREATE FUNCTION csv_safe(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN value ~ '^[=+\-@\t\r\n]' THEN '''' || value ELSE value END
$$;
