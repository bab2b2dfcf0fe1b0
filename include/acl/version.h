/*
 * version.h - the program's name and version.
 */
#ifndef ACL_VERSION_H
#define ACL_VERSION_H

#define ACL_NAME "agentcore-lint"
#define ACL_VERSION "0.1.0"
#define ACL_URI "https://github.com/agentcore-lint/agentcore-lint"

#endif
