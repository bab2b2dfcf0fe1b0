/*
 * check_main.c - runs every libcheck suite listed in test/suites.def.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "acl/engine.h"
#include "check_acl.h"

int
main(void)
{
    SRunner *sr;
    struct acl_error err;
    int failed;

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
