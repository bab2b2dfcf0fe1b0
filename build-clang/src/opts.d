build-clang/src/opts.o: src/opts.c include/acl/opts.h include/acl/model.h \
  include/acl/json.h include/acl/file.h include/acl/util.h \
  include/acl/report.h include/acl/engine.h include/acl/finding.h \
  include/acl/rule.h rules/rules.def

include/acl/opts.h:

include/acl/model.h:

include/acl/json.h:

include/acl/file.h:

include/acl/util.h:

include/acl/report.h:

include/acl/engine.h:

include/acl/finding.h:

include/acl/rule.h:

rules/rules.def:
