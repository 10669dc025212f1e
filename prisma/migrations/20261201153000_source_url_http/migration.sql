-- A source's address is a web address (http or https): imports and scripts bypass the form's check.
ALTER TABLE "Source" ADD CONSTRAINT "Source_url_check" CHECK (url IS NULL OR url ~* '^https?://[^\s]+$');
