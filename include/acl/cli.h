/*
 * cli.h - the command line: options, the run, exit codes.
 */
#ifndef ACL_CLI_H
#define ACL_CLI_H

enum acl_exit { ACL_EXIT_OK = 0, ACL_EXIT_FINDINGS = 1, ACL_EXIT_TROUBLE = 2 };

/* The whole program: parses argv, lints, reports, returns the exit
 * status. Only this module prints errors. */
int acl_cli_main(int argc, char **argv);

#endif
