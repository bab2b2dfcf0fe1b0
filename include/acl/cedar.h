/*
 * cedar.h - the one question AC022 asks of Cedar policy text: does any
 * statement permit something? Not a Cedar parser: it finds where each
 * statement starts (after comments and annotations) and reads its
 * effect.
 */
#ifndef ACL_CEDAR_H
#define ACL_CEDAR_H

#include <stddef.h>

/* Does text (len bytes, any content) hold a statement whose effect is
 * "permit"? Comments (// and / * * /), annotations (@id("...")) and
 * string literals are skipped; runs in linear time. */
int acl_cedar_has_permit(const char *text, size_t len);

#endif
