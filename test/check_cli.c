/*
 * check_cli.c - the command line in-process: exit codes for every kind
 * of run (the shell tests in cli.sh check the messages of the binary).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "acl/cli.h"
#include "acl/util.h"
#include "check_acl.h"

static const struct {
    int want;
    const char *args[8];
} cases[] = {
    {0, {"--version"}},
    {0, {"--help"}},
    {0, {"--list-rules"}},
    {0, {"--explain", "AC001"}},
    {0, {"--explain", "gateway-no-inbound-auth"}},
    {2, {"--explain", "AC999"}},
    {2, {"--bogus"}},
    {2, {"--format"}},
    {2, {"--format", "xml"}},
    {2, {"--color", "sometimes"}},
    {2, {"--fail-on", "fatal"}},
    {2, {"--max-file-size", "0"}},
    {2, {"--max-file-size", "lots"}},
    {2, {"/nonexistent/project"}},
    {2, {"--enable", "AC999", "fixtures/rules/AC001/pass-aws-iam"}},
    {0, {"fixtures/rules/AC001/pass-aws-iam"}},
    {0, {"fixtures/rules/AC001/fail-none-dev"}},
    {1, {"--fail-on", "warning", "fixtures/rules/AC001/fail-none-dev"}},
    {1, {"--fail-on", "note", "fixtures/rules/AC001/fail-none-dev"}},
    {0,
     {"--fail-on", "none", "--production",
      "fixtures/rules/AC001/fail-none-dev"}},
    {1, {"--production", "fixtures/rules/AC001/fail-none-dev"}},
    {0, {"--no-production", "fixtures/rules/AC001/fail-none-prod-target"}},
    {1, {"--target", "live", "test/data/targets"}},
    {0, {"--target", "preprod", "test/data/targets"}},
    {0, {"--target", "dev", "test/data/targets"}},
    /* a target the project does not have is a usage error, not a quiet
     * non-production run */
    {2, {"--target", "liev", "test/data/targets"}},
    {2, {"--target", "prod", "test/data/targets"}},
    {2, {"--target", "live", "fixtures/rules/AC001/fail-none-dev"}},
    {2,
     {"--target", "live", "test/data/targets",
      "fixtures/rules/AC001/fail-none-dev"}},
    {0,
     {"--disable", "AC001", "--production",
      "fixtures/rules/AC001/fail-none-dev"}},
    {1,
     {"--disable", "AC001", "--enable", "AC001", "--production",
      "fixtures/rules/AC001/fail-none-dev"}},
    {1, {"fixtures/rules/AC000/fail-truncated"}},
    {1, {"-q", "-f", "gcc", "fixtures/rules/AC000"}},
};

START_TEST(exit_codes)
{
    char *argv[12];
    int argc = 0, k, rc;
    FILE *saved, *saved_err;

    argv[argc++] = "agentcore-lint";
    for (k = 0; k < 8 && cases[_i].args[k] != NULL; k++)
        argv[argc++] = (char *)cases[_i].args[k];
    argv[argc] = NULL;
    /* Keep the test log readable: reports and messages go nowhere. */
    saved = stdout;
    saved_err = stderr;
    stdout = fopen("/dev/null", "w");
    stderr = fopen("/dev/null", "w");
    rc = acl_cli_main(argc, argv);
    fclose(stdout);
    fclose(stderr);
    stdout = saved;
    stderr = saved_err;
    ck_assert_msg(rc == cases[_i].want, "case %d (%s ...): exit %d, wanted %d",
                  _i, argv[1], rc, cases[_i].want);
}
END_TEST

Suite *
acl_suite_cli(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("exit codes");

    tcase_add_loop_test(tc, exit_codes, 0, (int)ACL_ARRAY_LEN(cases));
    suite_add_tcase(s, tc);
    return s;
}
