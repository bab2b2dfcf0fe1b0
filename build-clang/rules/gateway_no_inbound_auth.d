build-clang/rules/gateway_no_inbound_auth.o: \
  rules/gateway_no_inbound_auth.c include/acl/rule.h \
  include/acl/finding.h include/acl/file.h include/acl/util.h \
  include/acl/model.h include/acl/json.h rules/rules.def

include/acl/rule.h:

include/acl/finding.h:

include/acl/file.h:

include/acl/util.h:

include/acl/model.h:

include/acl/json.h:

rules/rules.def:
