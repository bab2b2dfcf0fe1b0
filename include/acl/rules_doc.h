/*
 * rules_doc.h - rule documentation: --list-rules, --explain, the
 * generated manual page agentcore-lint-rules(7) and the Markdown of
 * docs/rules.md and of SARIF's rule help.
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
/* Writes man/agentcore-lint-rules.7 (mdoc) from the rule registry.
 * Returns an exit status. */
int acl_rules_man(FILE *out);
/* Writes docs/rules.md from the rule registry. Returns an exit status. */
int acl_rules_markdown(FILE *out);

/* A rule's summary or help as a sentence, as viewers show it: "set X"
 * -> "Set X.". New string; the caller frees it. */
char *acl_rule_sentence(const char *s);

/* Appends s as Markdown text: markup characters outside `code spans`
 * escaped. */
void acl_md_text(struct acl_buf *b, const char *s);
/* Appends a rule's help as Markdown: description, how to fix, example. */
void acl_md_rule_help(struct acl_buf *b, const struct acl_rule *r);
/* The rule's section of docs/rules.md on the project's site. The caller
 * frees it. */
char *acl_md_rule_uri(const struct acl_rule *r);

/* Is the rule an error in the production context and a warning outside
 * it? */
int acl_rule_prod_level(const struct acl_rule *r);
/* "error/warning" for such rules, else the level's name (static). */
const char *acl_rule_level_text(const struct acl_rule *r);
/* "error in the production context, warning otherwise", or the level's
 * name (static). */
const char *acl_prod_level_phrase(const struct acl_rule *r);

#endif
