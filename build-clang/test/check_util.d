build-clang/test/check_util.o: test/check_util.c include/acl/util.h \
  test/check_acl.h test/suites.def

include/acl/util.h:

test/check_acl.h:

test/suites.def:
