build-clang/src/cli.o: src/cli.c include/acl/cli.h include/acl/discover.h \
  include/acl/util.h include/acl/engine.h include/acl/finding.h \
  include/acl/file.h include/acl/model.h include/acl/json.h \
  include/acl/rule.h rules/rules.def include/acl/opts.h \
  include/acl/report.h include/acl/rules_doc.h include/acl/version.h

include/acl/cli.h:

include/acl/discover.h:

include/acl/util.h:

include/acl/engine.h:

include/acl/finding.h:

include/acl/file.h:

include/acl/model.h:

include/acl/json.h:

include/acl/rule.h:

rules/rules.def:

include/acl/opts.h:

include/acl/report.h:

include/acl/rules_doc.h:

include/acl/version.h:
