build-clang/src/report.o: src/report.c include/acl/report.h \
  include/acl/engine.h include/acl/finding.h include/acl/file.h \
  include/acl/util.h include/acl/model.h include/acl/json.h \
  include/acl/rule.h rules/rules.def include/acl/report_util.h

include/acl/report.h:

include/acl/engine.h:

include/acl/finding.h:

include/acl/file.h:

include/acl/util.h:

include/acl/model.h:

include/acl/json.h:

include/acl/rule.h:

rules/rules.def:

include/acl/report_util.h:
