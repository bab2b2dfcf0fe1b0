build-clang/test/check_golden.o: test/check_golden.c include/acl/cli.h \
  include/acl/util.h test/check_acl.h test/suites.def

include/acl/cli.h:

include/acl/util.h:

test/check_acl.h:

test/suites.def:
