/*
 * main.c - agentcore-lint: everything happens in cli.c.
 */
#include "acl/cli.h"

int
main(int argc, char **argv)
{
    return acl_cli_main(argc, argv);
}
