build-clang/src/finding.o: src/finding.c include/acl/finding.h \
  include/acl/file.h include/acl/util.h include/acl/rule.h \
  include/acl/model.h include/acl/json.h rules/rules.def

include/acl/finding.h:

include/acl/file.h:

include/acl/util.h:

include/acl/rule.h:

include/acl/model.h:

include/acl/json.h:

rules/rules.def:
