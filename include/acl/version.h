/*
 * version.h - the program's name and version.
 */
#ifndef ACL_VERSION_H
#define ACL_VERSION_H

#define ACL_NAME "agentcore-lint"
#define ACL_VERSION "0.1.0"
/* The date of this version, for the manual pages. */
#define ACL_DATE "November 27, 2025"
#define ACL_URI "https://github.com/agentcore-lint/agentcore-lint"

#endif
