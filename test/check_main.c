/*
 * check_main.c - runs every libcheck suite listed in test/suites.def.
 */
#include <check.h>
#include <stdlib.h>

#include "check_acl.h"

int
main(void)
{
    SRunner *sr;
    int failed;

    sr = srunner_create(NULL);
#define ACL_SUITE(n) srunner_add_suite(sr, acl_suite_##n());
#include "suites.def"
#undef ACL_SUITE
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
