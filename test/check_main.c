/*
 * check_main.c - runs every libcheck suite listed in test/suites.def.
 */
#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "acl/engine.h"
#include "check_acl.h"

int
main(void)
{
    SRunner *sr;
    struct acl_error err;
    int failed;

    char cwd[PATH_MAX];

    /* The fixtures live in this repository, and git tracks their
     * agentcore/.env.local files: as git would, stop the search for an
     * enclosing work tree at the repository, so each fixture is a world
     * of its own (AC011 reads the index of the work tree it finds). */
    if (getcwd(cwd, sizeof cwd) != NULL)
        setenv("GIT_CEILING_DIRECTORIES", cwd, 1);
    /* As the program does: the rules are set up once, before any lint. */
    if (acl_rules_init(&err) != 0) {
        fprintf(stderr, "check_acl: %s\n", err.text);
        return EXIT_FAILURE;
    }
    sr = srunner_create(NULL);
#define ACL_SUITE(n) srunner_add_suite(sr, acl_suite_##n());
#include "suites.def"
#undef ACL_SUITE
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    acl_rules_fini();
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
