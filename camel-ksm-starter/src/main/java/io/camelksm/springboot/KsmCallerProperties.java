package io.camelksm.springboot;

import io.camelksm.component.CallerResolver;
import io.camelksm.component.KsmCallerConfiguration;
import io.camelksm.runtime.TokenSharing;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who the caller is and how long a read is cached: the node name, the roles of the default caller resolver, the read
 * cache and its change notices, token sharing between nodes and the expiry warnings, as the component keeps them in
 * {@link KsmCallerConfiguration}; and the caller
 * resolver of the application. One of the classes that bind the flat {@code camel.component.ksm} prefix, one per
 * option group of the component (see {@link KsmComponentConfiguration}).
 */
@ConfigurationProperties(prefix = "camel.component.ksm")
public class KsmCallerProperties {

    /**
     * The options of the node name, the read cache, the default caller resolver
     * and the expiry warnings. The option is a
     * io.camelksm.component.KsmCallerConfiguration type.
     */
    private KsmCallerConfiguration callerConfiguration;
    /**
     * The prefix of the Spring Security granted authorities that are roles, when
     * the Subject holds an authenticated Spring Security Authentication (as
     * camel-spring-security expects it): ROLE_ops is the role ops; other
     * authorities (FACTOR_PASSWORD, SCOPE_x) are not roles. Empty takes every
     * authority as a role. Used by the default caller resolver only.
     */
    private String authorityRolePrefix = "ROLE_";
    /**
     * How long a credential and its access rights, once read by a route, are
     * reused before the database is asked again (0 disables the cache). Changes
     * made through this component apply at once; changes made elsewhere (the CLI,
     * another node), including a revoked access right, take effect within this
     * time, or as soon as they commit when this node hears them (changeNotices on
     * PostgreSQL). Expiry and validity are still checked on every request. The
     * option is a long type.
     */
    private Long cacheTtl = 5000L;
    /**
     * On PostgreSQL: whether this node listens for the changes other nodes and
     * ksm-admin commit (LISTEN/NOTIFY), so a grant, revoke, credential update or
     * new default encryption scheme applies here as soon as it commits, not within
     * cacheTtl. Costs one database connection per node, kept open (its own, or one
     * held from a given dataSource). While the listening connection is lost every
     * request reads the database. Turn it off behind a pooler in transaction mode
     * (PgBouncer), which cannot keep a LISTEN: cacheTtl is then the bound. Without
     * effect on the embedded H2 database (one process).
     */
    private Boolean changeNotices = true;
    /**
     * Whether OAuth 2.0 access tokens are cached per node (node, the default: N
     * nodes make N token requests per token lifetime) or shared by the nodes on one
     * PostgreSQL database (cluster: one token request per lifetime for all of them;
     * tokens are stored encrypted in the database, a node without a fresh token
     * reads it there, and one node fetches for the cluster while holding a database
     * connection). cluster needs a PostgreSQL database (jdbcUrl or dataSource) and
     * camel-ksm's own token provider (no oauth2TokenProvider given).
     */
    private TokenSharing tokenSharing = TokenSharing.NODE;
    /**
     * Establishes the caller (roles, process, resource) of each request from
     * trusted sources. Default: the route id, the node name and the role
     * principals (rolePrincipalClasses, Spring Security ROLE_ authorities) of the
     * Subject in the CamelAuthentication header. The option is a
     * io.camelksm.component.CallerResolver type.
     */
    private CallerResolver callerResolver;
    /**
     * How long before its expiry a credential in use warns (for example 14d): a
     * WARN line on the logger camel.ksm.expiry once a day per credential, and a
     * detail of the health check camel-ksm/ksm-expiry. Default 14 days, time to
     * renew a credential through a change process of a week or two; 0 turns the
     * warnings off. The option is a long type.
     */
    private Long expiryWarning = 1209600000L;
    /**
     * The name of this node: the resource that access rights are checked against.
     * Default: the host name.
     */
    private String nodeName;
    /**
     * The principal classes (comma-separated, fully qualified) whose principals in
     * the authenticated Subject are the caller's roles; subclasses count. Any
     * other principal, such as the user's own, is never a role. Default:
     * camel-ksm's RolePrincipal and the JDK's UNIX and Windows group principals.
     * Used by the default caller resolver only.
     */
    private String rolePrincipalClasses = "io.camelksm.component.RolePrincipal,com.sun.security.auth.UnixNumericGroupPrincipal,com.sun.security.auth.NTSidGroupPrincipal,com.sun.security.auth.NTSidPrimaryGroupPrincipal";

    public KsmCallerConfiguration getCallerConfiguration() {
        return callerConfiguration;
    }

    public void setCallerConfiguration(KsmCallerConfiguration callerConfiguration) {
        this.callerConfiguration = callerConfiguration;
    }

    public String getAuthorityRolePrefix() {
        return authorityRolePrefix;
    }

    public void setAuthorityRolePrefix(String authorityRolePrefix) {
        this.authorityRolePrefix = authorityRolePrefix;
    }

    public Long getCacheTtl() {
        return cacheTtl;
    }

    public void setCacheTtl(Long cacheTtl) {
        this.cacheTtl = cacheTtl;
    }

    public Boolean getChangeNotices() {
        return changeNotices;
    }

    public void setChangeNotices(Boolean changeNotices) {
        this.changeNotices = changeNotices;
    }

    public TokenSharing getTokenSharing() {
        return tokenSharing;
    }

    public void setTokenSharing(TokenSharing tokenSharing) {
        this.tokenSharing = tokenSharing;
    }

    public CallerResolver getCallerResolver() {
        return callerResolver;
    }

    public void setCallerResolver(CallerResolver callerResolver) {
        this.callerResolver = callerResolver;
    }

    public Long getExpiryWarning() {
        return expiryWarning;
    }

    public void setExpiryWarning(Long expiryWarning) {
        this.expiryWarning = expiryWarning;
    }

    public String getNodeName() {
        return nodeName;
    }

    public void setNodeName(String nodeName) {
        this.nodeName = nodeName;
    }

    public String getRolePrincipalClasses() {
        return rolePrincipalClasses;
    }

    public void setRolePrincipalClasses(String rolePrincipalClasses) {
        this.rolePrincipalClasses = rolePrincipalClasses;
    }
}
