package io.camelksm.store.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Connections whose current schema is camel-ksm's, so that every unqualified table name in {@code store.jdbc} means
 * camel-ksm's table. On close the connection gets its previous schema back before it returns to the pool: an
 * application's pool hands the same connection to the application next.
 */
final class SchemaBoundDataSource extends DelegatingDataSource {

    private final String schema;

    SchemaBoundDataSource(DataSource target, String schema) {
        super(target);
        this.schema = schema;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bind(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return bind(target.getConnection(username, password));
    }

    private Connection bind(Connection connection) throws SQLException {
        try {
            String previous = connection.getSchema();
            connection.setSchema(schema);
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] { Connection.class }, new RestoreOnClose(connection, previous));
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Puts the previous schema back before the connection is closed (returned to its pool). */
    private record RestoreOnClose(Connection connection, String previous) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                try (Connection c = connection) {
                    if (previous != null && !c.isClosed()) {
                        c.setSchema(previous);
                    }
                }
                return null;
            }
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                // never hand out the unbound connection: a caller closing it would skip the restore
                Class<?> type = (Class<?>) args[0];
                if (method.getName().equals("isWrapperFor")) {
                    return type.isInstance(proxy) || connection.isWrapperFor(type);
                }
                return type.isInstance(proxy) ? proxy : connection.unwrap(type);
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
