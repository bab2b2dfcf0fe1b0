/*
 * version.h - the program's name and version.
 */
#ifndef ACL_VERSION_H
#define ACL_VERSION_H

#define ACL_NAME "agentcore-lint"
#define ACL_VERSION "0.1.0"
/* The date of this version, for the manual pages. */
#define ACL_DATE "November 27, 2025"
/* The project's home, one build setting (make ACL_HOME_URL=...): the
 * SARIF informationUri and helpUri, the config's $schema, the docs. */
#ifndef ACL_HOME_URL
#define ACL_HOME_URL "https://github.com/agentcore-lint/agentcore-lint"
#endif
#define ACL_URI ACL_HOME_URL
/* Where the config file's JSON Schema is published (its "$id"). */
#define ACL_CONFIG_SCHEMA_URI \
    ACL_HOME_URL "/raw/main/schema/agentcore-lint.schema.json"
/* The AgentCore CLI whose project schema AC020 checks against (make
 * check-schema compares with that version's own schema). */
#define ACL_SCHEMA_VERSION "0.30.0"

#endif
