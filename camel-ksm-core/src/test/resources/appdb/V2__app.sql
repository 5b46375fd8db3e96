INSERT INTO credential (id, note) VALUES (1, 'the application''s own');
