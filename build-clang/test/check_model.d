build-clang/test/check_model.o: test/check_model.c include/acl/discover.h \
  include/acl/util.h include/acl/model.h include/acl/json.h \
  include/acl/file.h test/check_acl.h test/suites.def

include/acl/discover.h:

include/acl/util.h:

include/acl/model.h:

include/acl/json.h:

include/acl/file.h:

test/check_acl.h:

test/suites.def:
