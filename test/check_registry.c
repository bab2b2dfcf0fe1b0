/*
 * check_registry.c - the rule registry as a whole: IDs unique and in
 * order, names in kebab-case, and for every rule its fixture folders
 * (fixtures/rules/ACxxx/ with a pass-* and a fail-* case) and its docs
 * (summary, description, help and a section of docs/rules.md). A new
 * rule is checked by being listed in rules/rules.def.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "acl/engine.h"
#include "check_acl.h"

START_TEST(ids_unique_and_ascending)
{
    size_t i, n = acl_rules_count();

    ck_assert_uint_gt(n, 0);
    for (i = 0; i < n; i++) {
        const char *id = acl_rules_at(i)->id;

        ck_assert_msg(strlen(id) == 5 && strncmp(id, "AC", 2) == 0 &&
                          strspn(id + 2, "0123456789") == 3,
                      "rule %zu: ID \"%s\" is not ACnnn", i, id);
        ck_assert_msg(i == 0 || strcmp(acl_rules_at(i - 1)->id, id) < 0,
                      "rules/rules.def: %s after %s: IDs must be unique and "
                      "ascending",
                      id, acl_rules_at(i - 1)->id);
    }
}
END_TEST

/* "word-word": lower-case letters and digits, single hyphens between. */
static int
kebab_case(const char *s)
{
    size_t i;

    if (s == NULL || !(s[0] >= 'a' && s[0] <= 'z'))
        return 0;
    for (i = 0; s[i] != '\0'; i++) {
        int alnum =
            (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9');

        if (!alnum && !(s[i] == '-' && s[i + 1] != '-' && s[i + 1] != '\0'))
            return 0;
    }
    return 1;
}

START_TEST(names_kebab_case_and_unique)
{
    size_t i, k, n = acl_rules_count();

    ck_assert(kebab_case("a-b2-c"));
    ck_assert(!kebab_case("a--b") && !kebab_case("A-b") && !kebab_case("a_b") &&
              !kebab_case("a-") && !kebab_case(""));
    for (i = 0; i < n; i++) {
        const char *name = acl_rules_at(i)->name;

        ck_assert_msg(kebab_case(name), "%s: name \"%s\" is not kebab-case",
                      acl_rules_at(i)->id, name ? name : "(null)");
        for (k = 0; k < i; k++)
            ck_assert_msg(strcmp(acl_rules_at(k)->name, name) != 0,
                          "%s and %s share the name \"%s\"",
                          acl_rules_at(k)->id, acl_rules_at(i)->id, name);
    }
}
END_TEST

/* Does fixtures/rules/ID/ hold a folder prefix* with an expected file? */
static int
has_fixture(const char *id, const char *prefix)
{
    char *dir = acl_xasprintf("fixtures/rules/%s", id);
    DIR *d = opendir(dir);
    struct dirent *e;
    int found = 0;

    while (d != NULL && !found && (e = readdir(d)) != NULL) {
        char *exp;

        if (strncmp(e->d_name, prefix, strlen(prefix)) != 0)
            continue;
        exp = acl_xasprintf("%s/%s/expected", dir, e->d_name);
        found = access(exp, R_OK) == 0;
        free(exp);
    }
    if (d != NULL)
        closedir(d);
    free(dir);
    return found;
}

START_TEST(every_rule_has_pass_and_fail_fixtures)
{
    size_t i;

    for (i = 0; i < acl_rules_count(); i++) {
        const char *id = acl_rules_at(i)->id;

        ck_assert_msg(has_fixture(id, "pass-"),
                      "%s: no fixtures/rules/%s/pass-*/expected: add a case "
                      "the rule must not flag",
                      id, id);
        ck_assert_msg(has_fixture(id, "fail-"),
                      "%s: no fixtures/rules/%s/fail-*/expected: add a case "
                      "the rule must flag",
                      id, id);
    }
}
END_TEST

static int
filled(const char *s)
{
    return s != NULL && s[0] != '\0';
}

START_TEST(every_rule_is_documented)
{
    char *md = acl_test_read("docs/rules.md");
    size_t i;

    ck_assert_msg(md != NULL, "docs/rules.md: cannot read it");
    for (i = 0; i < acl_rules_count(); i++) {
        const struct acl_rule *r = acl_rules_at(i);
        char *head = acl_xasprintf("\n## %s %s\n", r->id, r->name);

        ck_assert_msg(filled(r->summary) && filled(r->description) &&
                          filled(r->help) && filled(r->example) &&
                          filled(r->precision),
                      "%s: summary, description, help, example and precision "
                      "must all be written",
                      r->id);
        ck_assert_msg(strstr(md, head) != NULL,
                      "docs/rules.md: no section \"## %s %s\" (run make "
                      "generate)",
                      r->id, r->name);
        free(head);
    }
    free(md);
}
END_TEST

Suite *
acl_suite_registry(void)
{
    Suite *s = suite_create("registry");
    TCase *tc = tcase_create("registry");

    tcase_add_test(tc, ids_unique_and_ascending);
    tcase_add_test(tc, names_kebab_case_and_unique);
    tcase_add_test(tc, every_rule_has_pass_and_fail_fixtures);
    tcase_add_test(tc, every_rule_is_documented);
    suite_add_tcase(s, tc);
    return s;
}
