build-clang/src/fingerprint.o: src/fingerprint.c include/acl/finding.h \
  include/acl/file.h include/acl/util.h include/acl/jptr.h \
  include/acl/model.h include/acl/json.h include/acl/rule.h \
  rules/rules.def

include/acl/finding.h:

include/acl/file.h:

include/acl/util.h:

include/acl/jptr.h:

include/acl/model.h:

include/acl/json.h:

include/acl/rule.h:

rules/rules.def:
