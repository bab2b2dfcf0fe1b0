/*
 * rules_doc.h - rule documentation: --list-rules and --explain.
 */
#ifndef ACL_RULES_DOC_H
#define ACL_RULES_DOC_H

#include <stdio.h>

#include "acl/rule.h"

/* Prints every rule (text table, or JSON when json). Returns an exit
 * status. */
int acl_rules_list(FILE *out, int json);
/* Prints a rule's full text. Returns an exit status. */
int acl_rules_explain(FILE *out, const struct acl_rule *r);

#endif
