build-clang/test/check_json.o: test/check_json.c include/acl/file.h \
  include/acl/util.h include/acl/json.h include/acl/jptr.h \
  test/check_acl.h test/suites.def

include/acl/file.h:

include/acl/util.h:

include/acl/json.h:

include/acl/jptr.h:

test/check_acl.h:

test/suites.def:
