-- Version 2, as camel-ksm's own scripts have one for H2 and one for PostgreSQL.
INSERT INTO app_order (id, item) VALUES (1, 'first');
