build-clang/rules/json_syntax.o: rules/json_syntax.c include/acl/rule.h \
  include/acl/finding.h include/acl/file.h include/acl/util.h \
  include/acl/model.h include/acl/json.h rules/rules.def

include/acl/rule.h:

include/acl/finding.h:

include/acl/file.h:

include/acl/util.h:

include/acl/model.h:

include/acl/json.h:

rules/rules.def:
