build-clang/src/rules_doc.o: src/rules_doc.c include/acl/engine.h \
  include/acl/finding.h include/acl/file.h include/acl/util.h \
  include/acl/model.h include/acl/json.h include/acl/rule.h \
  rules/rules.def include/acl/rules_doc.h

include/acl/engine.h:

include/acl/finding.h:

include/acl/file.h:

include/acl/util.h:

include/acl/model.h:

include/acl/json.h:

include/acl/rule.h:

rules/rules.def:

include/acl/rules_doc.h:
