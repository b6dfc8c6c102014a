package org.tandem.platform.jobs;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.InfrastructureProxy;

/**
 * The application's data source, looked up on first use. An {@link InfrastructureProxy}, so that
 * Spring's transactions see through it: a connection bound to the caller's transaction is found
 * under the real data source, and work done through this one joins it.
 */
final class LazyDataSource implements DataSource, InfrastructureProxy {

    private final ObjectProvider<DataSource> provider;

    LazyDataSource(ObjectProvider<DataSource> provider) {
        this.provider = provider;
    }

    private DataSource target() {
        return provider.getObject();
    }

    @Override
    public Object getWrappedObject() {
        return target();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return target().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return Logger.getLogger("org.tandem.platform.jobs");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target().isWrapperFor(iface);
    }
}
