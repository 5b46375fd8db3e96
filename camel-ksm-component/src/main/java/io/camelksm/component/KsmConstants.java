package io.camelksm.component;

import org.apache.camel.spi.Metadata;

/**
 * Message headers of the {@code ksm:} component. There is deliberately no header that selects the credential, the
 * operation or the caller: those come from the route and its trusted context only, never from the message.
 */
public final class KsmConstants {

    // input of set and setProperty: taken off the message as soon as they are read

    @Metadata(label = "producer",
              description = "The new value for operation=setProperty, or for operation=set with the field option."
                            + " Read from the message body when the header is absent. A String, a character array or UTF-8"
                            + " byte array (both wiped after use) or a Secret. Removed from the message once read.",
              javaType = "String")
    public static final String VALUE = "CamelKsmValue";

    @Metadata(label = "producer",
              description = "The new field values for operation=set without the field option, by field name (for"
                            + " example username, password, token, target). Read from the message body when the header"
                            + " is absent. Removed from the message once read; a null value removes an optional field.",
              javaType = "java.util.Map<String, Object>")
    public static final String FIELDS = "CamelKsmFields";

    @Metadata(label = "producer",
              description = "For operation=set: the new expiry of the credential, as an Instant, a Date or ISO-8601"
                            + " text. Removed from the message once read.",
              javaType = "java.time.Instant")
    public static final String EXPIRES_AT = "CamelKsmExpiresAt";

    // output

    @Metadata(label = "producer", description = "The type of the credential that was used (BASIC, BEARER, ...).",
              javaType = "String")
    public static final String CREDENTIAL_TYPE = "CamelKsmCredentialType";

    @Metadata(label = "producer",
              description = "After operation=set or setProperty: the version of the credential now stored.",
              javaType = "long")
    public static final String CREDENTIAL_VERSION = "CamelKsmCredentialVersion";

    @Metadata(label = "producer",
              description = "After operation=get with fieldsAsHeaders=true only: the username of the credential.",
              javaType = "String")
    public static final String USERNAME = "CamelKsmUsername";

    @Metadata(label = "producer",
              description = "After operation=get with fieldsAsHeaders=true only: the password of the credential, in"
                            + " clear text. Camel's HTTP components do not send headers starting with Camel out.",
              javaType = "String")
    public static final String PASSWORD = "CamelKsmPassword";

    @Metadata(label = "producer",
              description = "After operation=get with fieldsAsHeaders=true only: the target of a DATA_GATEWAY"
                            + " credential.",
              javaType = "String")
    public static final String TARGET = "CamelKsmTarget";

    @Metadata(label = "producer",
              description = "After operation=get with fieldsAsHeaders=true only: the additional properties of the"
                            + " credential by name, secret ones in clear text.",
              javaType = "java.util.Map<String, String>")
    public static final String PROPERTIES = "CamelKsmProperties";

    private KsmConstants() {
    }
}
